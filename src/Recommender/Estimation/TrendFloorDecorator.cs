using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using static System.FormattableString;

namespace RightSizer.Recommender.Estimation;

/// <summary>Raises the estimate to the growth trend's projection at the horizon when the trend is significant and upward.</summary>
public sealed class TrendFloorDecorator(IMemoryEstimator inner) : IMemoryEstimator
{
    public MemoryEstimate Estimate(EstimationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var estimate = inner.Estimate(input);
        if (input.Trend is not { Significant: true, SlopeBytesPerDay: > 0 } trend)
        {
            return estimate;
        }

        var note = Describe(trend);
        return trend.ProjectedPeak.Bytes > estimate.Bytes
            ? estimate.Noted(trend.ProjectedPeak.Bytes, note with { Text = note.Text + "; limit raised to cover it" })
            : estimate.Noted(estimate.Bytes, note);
    }

    public static Reason Describe(TrendEstimate trend) => new(ReasonCode.Trend, Invariant(
        $"trend: +{Memory.FromBytes(trend.SlopeBytesPerDay).ToHuman()}/day, projected {trend.ProjectedPeak.ToHuman()} at {PromDuration.Format(trend.Horizon)}"));
}
