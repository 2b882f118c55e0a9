using RightSizer.Api.Units;

namespace RightSizer.Recommender.Benchmark;

/// <summary>What a strategy proposes for one container at one decision time; a null limit means no limit.</summary>
public sealed record SizingProposal(Memory Request, Memory? Limit);
