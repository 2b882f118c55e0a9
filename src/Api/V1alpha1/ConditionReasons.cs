namespace RightSizer.Api.V1alpha1;

/// <summary>
/// The reasons a MemoryPolicy's status conditions (<see cref="ConditionTypes"/>) give, CamelCase as metav1.Condition
/// wants them. Where a reason is also a recommendation's <see cref="ReasonCode"/>, it is that code's name, so the
/// engine, the CLI and the status speak the same words.
/// </summary>
public static class ConditionReasons
{
    /// <summary>Ready, RecommendationReady: every sized container has a recommendation.</summary>
    public const string RecommendationsComputed = "RecommendationsComputed";

    /// <summary>Ready: the spec failed validation; the message names the field.</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>TargetFound: the target workload exists and its pods were found.</summary>
    public const string TargetResolved = "TargetResolved";

    /// <summary>TargetFound, Ready: the targetRef names no workload in the policy's namespace.</summary>
    public const string TargetNotFound = "TargetNotFound";

    /// <summary>TargetFound: the target or selector exists but matches no pods.</summary>
    public const string NoPodsMatched = "NoPodsMatched";

    /// <summary>HistoryAvailable: enough history for every sized container.</summary>
    public const string HistoryFound = "HistoryFound";

    /// <summary>HistoryAvailable, RecommendationReady: some container has fewer samples than minSamples.</summary>
    public const string InsufficientHistory = nameof(ReasonCode.InsufficientHistory);

    /// <summary>HistoryAvailable, Ready: Prometheus could not be reached or answered with an error.</summary>
    public const string PrometheusUnavailable = "PrometheusUnavailable";

    /// <summary>RecommendationReady: every container's mode is Off, so none is sized.</summary>
    public const string ContainerModeOff = nameof(ReasonCode.ContainerModeOff);

    /// <summary>Ready: running pods cannot be brought to the recommendation because the replacement would not fit the
    /// namespace's ResourceQuota or LimitRange; the message names which.</summary>
    public const string ReplacementWouldNotFit = "ReplacementWouldNotFit";

    /// <summary>Any: the operator has not reconciled the policy yet.</summary>
    public const string Pending = "Pending";
}
