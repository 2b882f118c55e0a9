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

    /// <summary>Share of container-days on which usage may exceed the limit. Null: by the QoS class (see MemoryPolicyDefaults).</summary>
    public double? OomRisk { get; init; }

    /// <summary>Share of the time usage may exceed the request.</summary>
    public double OverRequestRisk { get; init; } = MemoryPolicyDefaults.OverRequestRisk;

    /// <summary>
    /// The headroom calibrated on the policy's fleet (<see cref="Calibration.FleetCalibrator"/>); null when the
    /// container is sized alone, and then the headroom scales above apply as they are.
    /// </summary>
    public Calibration.FleetCalibration? Calibration { get; init; }

    public TimeSpan GrowthHorizon { get; init; } = PromDuration.Parse(MemoryPolicyDefaults.GrowthHorizon);

    /// <summary>
    /// How far ahead a young container's growth is projected: the time to the next recommendation (a day) plus a
    /// reaction margin of 6 hours for the update to roll out.
    /// </summary>
    public TimeSpan GrowthLookahead { get; init; } = TimeSpan.FromHours(30);

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
