using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Sizing;

/// <summary>The request and limit the sizer chose, the QoS class they give, and why.</summary>
public sealed record SizedMemory(
    Memory Request,
    Memory? Limit,
    QosClass QosClass,
    TrendEstimate? Trend,
    IReadOnlyList<Reason> Reasons)
{
    public Calibration.AppliedCalibration? RequestCalibration { get; init; }

    public Calibration.AppliedCalibration? LimitCalibration { get; init; }
}
