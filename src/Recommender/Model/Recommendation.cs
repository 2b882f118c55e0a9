using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Recommender.Model;

/// <summary>
/// The engine's answer for one container. <see cref="Request"/> is null when there was too little history; then
/// <see cref="Reasons"/> says why.
/// </summary>
public sealed record Recommendation
{
    public required SeriesKey Series { get; init; }

    public Memory? Request { get; init; }

    /// <summary>Null when the policy sets no limit, or when there is no recommendation.</summary>
    public Memory? Limit { get; init; }

    /// <summary>The pod QoS class these values give.</summary>
    public QosClass? QosClass { get; init; }

    /// <summary>0 to 1, from the span and coverage of the history.</summary>
    public double Confidence { get; init; }

    public int Samples { get; init; }

    public TimeSpan WindowCovered { get; init; }

    public TrendEstimate? Trend { get; init; }

    public HeapSettings? Heap { get; init; }

    public int OomKills { get; init; }

    /// <summary>The request's calibrated headroom (scale and over-request risk), when a fleet calibration sized it.</summary>
    public Calibration.AppliedCalibration? RequestCalibration { get; init; }

    /// <summary>The limit's calibrated headroom (scale and OOM risk), when a fleet calibration sized it.</summary>
    public Calibration.AppliedCalibration? LimitCalibration { get; init; }


    /// <summary>Today's requests and limits, where known, to compare the recommendation with.</summary>
    public CurrentResources? Current { get; init; }

    public IReadOnlyList<Reason> Reasons { get; init; } = [];

    public bool HasValue => Request is not null;
}
