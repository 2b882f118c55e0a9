namespace RightSizer.Api.V1alpha1;

/// <summary>The condition types a MemoryPolicy's status carries.</summary>
public static class ConditionTypes
{
    /// <summary>The policy is valid and reconciled.</summary>
    public const string Ready = "Ready";

    /// <summary>The target workload or selector matches pods.</summary>
    public const string TargetFound = "TargetFound";

    /// <summary>Enough memory history was found for the target's containers.</summary>
    public const string HistoryAvailable = "HistoryAvailable";

    /// <summary>Every sized container has a recommendation.</summary>
    public const string RecommendationReady = "RecommendationReady";
}
