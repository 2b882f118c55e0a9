using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Sizing;

/// <summary>The request and limit the sizer chose, the QoS class they give, and why.</summary>
public sealed record SizedMemory(
    Memory Request,
    Memory? Limit,
    string QosClass,
    TrendEstimate? Trend,
    IReadOnlyList<string> Reasons)
{
    public Calibration.AppliedCalibration? RequestCalibration { get; init; }

    public Calibration.AppliedCalibration? LimitCalibration { get; init; }
}
