using RightSizer.Api.V1alpha1;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Model;

/// <summary>
/// The sizing settings for one container, resolved from a MemoryPolicy (or the defaults): typed, parsed and complete,
/// so the engine never sees an unset field or an unparsed string.
/// </summary>
public sealed record RecommendationSettings
{
    public static RecommendationSettings Default { get; } = new();

    public MemorySignal Signal { get; init; } = MemoryPolicyDefaults.Signal;

    public TimeSpan HistoryWindow { get; init; } = PromDuration.Parse(MemoryPolicyDefaults.HistoryWindow);

    public TimeSpan HalfLife { get; init; } = PromDuration.Parse(MemoryPolicyDefaults.HalfLife);

    /// <summary>In (0, 100].</summary>
    public double RequestPercentile { get; init; } = MemoryPolicyDefaults.RequestPercentile;

    public LimitStrategy LimitStrategy { get; init; } = MemoryPolicyDefaults.LimitStrategy;

    /// <summary>In (0, 100].</summary>
    public double LimitPercentile { get; init; } = MemoryPolicyDefaults.LimitPercentile;

    public Seasonality Seasonality { get; init; } = MemoryPolicyDefaults.Seasonality;

    /// <summary>A fraction: 0.1 adds 10%.</summary>
    public double RequestMargin { get; init; } = MemoryPolicyDefaults.RequestMargin;

    /// <summary>A fraction: 0.2 adds 20%. Null: chosen by the QoS class that results (see MemoryPolicyDefaults).</summary>
    public double? LimitMargin { get; init; }

    /// <summary>Scale of the square-root headroom on the request (see SizeAwareHeadroom); 0 turns it off.</summary>
    public double RequestHeadroomScale { get; init; } = MemoryPolicyDefaults.RequestHeadroomScale;

    /// <summary>Scale of the square-root headroom on the limit (see SizeAwareHeadroom); 0 turns it off.</summary>
    public double LimitHeadroomScale { get; init; } = MemoryPolicyDefaults.LimitHeadroomScale;

    public TimeSpan GrowthHorizon { get; init; } = PromDuration.Parse(MemoryPolicyDefaults.GrowthHorizon);

    public int MinSamples { get; init; } = MemoryPolicyDefaults.MinSamples;

    public QosPolicy QosClass { get; init; } = MemoryPolicyDefaults.QosClass;

    public RuntimeKind Runtime { get; init; } = MemoryPolicyDefaults.Runtime;

    /// <summary>Share of the limit left outside the heap, in [0, 1).</summary>
    public double HeapHeadroom { get; init; } = MemoryPolicyDefaults.HeapHeadroom;

    public Memory? MinAllowed { get; init; }

    public Memory? MaxAllowed { get; init; }

    public ControlledValues ControlledValues { get; init; } = MemoryPolicyDefaults.ControlledValues;

    public ContainerMode Mode { get; init; } = MemoryPolicyDefaults.ContainerMode;
}
