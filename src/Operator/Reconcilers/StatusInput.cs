using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Reconcilers;

/// <summary>Everything the status of one policy is computed from, gathered by the reconciler.</summary>
/// <param name="Recommendations">One per sized or reported container; null when there is no history snapshot yet.</param>
/// <param name="RecommendedAt">The decision time of the snapshot the recommendations come from.</param>
/// <param name="HistoryMessage">The history source's message when the last scan failed.</param>
public sealed record StatusInput(
    long Generation,
    bool TargetFound,
    string TargetMessage,
    int TargetPods,
    HistoryState History,
    string? HistoryMessage,
    IReadOnlyList<Recommendation>? Recommendations,
    DateTimeOffset? RecommendedAt,
    DateTimeOffset Now)
{
    /// <summary>Why running pods cannot be brought to the recommendation, if they cannot.</summary>
    public (string Reason, string Message)? UpdateBlocked { get; init; }

    /// <summary>When the target is not found, the TargetFound reason (TargetNotFound, NoPodsMatched).</summary>
    public string TargetReason { get; init; } = ConditionReasons.TargetNotFound;

    /// <summary>Containers whose policy mode is Off: reported, never required to have a recommendation.</summary>
    public IReadOnlySet<string> OffContainers { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
