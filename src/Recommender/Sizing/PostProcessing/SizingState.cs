using RightSizer.Api.Units;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Sizing.PostProcessing;

/// <summary>The request and limit as they pass through the post-processing chain, with the reasons gathered so far.</summary>
public sealed record SizingState(Memory Request, Memory? Limit, IReadOnlyList<Reason> Reasons)
{
    /// <summary>The same state with <paramref name="reason"/> added.</summary>
    public SizingState Noted(Reason reason) => this with { Reasons = [.. Reasons, reason] };
}
