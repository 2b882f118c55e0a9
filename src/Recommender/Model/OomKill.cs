using RightSizer.Api.Units;

namespace RightSizer.Recommender.Model;

/// <summary>An OOM kill of the container, with the memory limit it had when it was killed, where known.</summary>
public sealed record OomKill(long Timestamp, Memory? LimitAtKill);
