namespace RightSizer.Api.V1alpha1;

/// <summary>
/// Every default of the MemoryPolicy API in one place: the CRD schema, the validator and the recommender read these,
/// so a default changes in exactly one line. The recommendation defaults are the ones docs/benchmarks.md measures.
/// </summary>
public static class MemoryPolicyDefaults
{
    public const PolicyMode Mode = PolicyMode.Off;
    public const QosPolicy QosClass = QosPolicy.Burstable;
    public const ContainerMode ContainerMode = V1alpha1.ContainerMode.Auto;
    public const ControlledValues ControlledValues = V1alpha1.ControlledValues.RequestsAndLimits;

    public const MemorySignal Signal = MemorySignal.WorkingSet;
    public const string HistoryWindow = "14d";
    public const string HalfLife = "24h";
    public const double RequestPercentile = 90;
    public const LimitStrategy LimitStrategy = V1alpha1.LimitStrategy.Peak;
    public const double LimitPercentile = 99.9;

    /// <summary>Off by default: a weekly limit holds for its own day class only, so it needs re-applying at each boundary.</summary>
    public const Seasonality Seasonality = V1alpha1.Seasonality.None;
    public const double RequestMargin = 0;
    /// <summary>The limit margin of Burstable pods, whose limit reserves nothing and is burst room.</summary>
    public const double LimitMargin = 0.20;

    /// <summary>The limit margin of Guaranteed pods, whose limit is also their request and so reserved memory.</summary>
    public const double GuaranteedLimitMargin = 0;

    /// <summary>Scale of the square-root headroom added to the request: 2 gives +20% at 100Mi, +2% at 10Gi.</summary>
    public const double RequestHeadroomScale = 2;

    /// <summary>Scale of the square-root headroom added to the limit: 10 gives +100% at 100Mi, +10% at 10Gi.</summary>
    public const double LimitHeadroomScale = 10;
    /// <summary>
    /// Share of container-days on which usage may exceed a Burstable limit: 1%, a kill every hundred container-days,
    /// about one a month for a three-replica workload. A Burstable limit reserves nothing, so it can afford a low risk.
    /// </summary>
    public const double OomRisk = 0.01;

    /// <summary>
    /// Share of container-days on which usage may exceed a Guaranteed limit: 0.5%. The pod asked to be killed last
    /// under node pressure; the price of its reserved headroom buys half the risk of a Burstable one.
    /// </summary>
    public const double GuaranteedOomRisk = 0.005;

    /// <summary>
    /// Share of the time usage may exceed the request: 5%, the p95 the request percentile and its headroom aimed at;
    /// above the request a pod competes for node memory and is evicted first.
    /// </summary>
    public const double OverRequestRisk = 0.05;

    public const string GrowthHorizon = "7d";
    public const int MinSamples = 288;

    public const RuntimeKind Runtime = RuntimeKind.Auto;
    public const double HeapHeadroom = 0.25;

    public const double MinChange = 0.10;
    public const string MaxUnavailable = "1";
    public const string Cooldown = "1h";

    /// <summary>The container name that matches every container without an entry of its own.</summary>
    public const string AllContainers = "*";
}
