using RightSizer.Api.V1alpha1;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// The peak of the window (<see cref="PeakEstimator"/>); with Weekly seasonality, the peak of the days of the decision
/// time's class (<see cref="SeasonalPeak"/>), or of the whole window while it holds no day of that class.
/// </summary>
public sealed class PeakMemoryEstimator(Seasonality seasonality = Seasonality.None) : IMemoryEstimator
{
    public MemoryEstimate Estimate(EstimationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var usage = input.Usage.Span;
        var (peak, label, note) = seasonality == Seasonality.Weekly
            ? SeasonalPeak.Peak(usage, input.AsOf) is { } seasonal
                ? (seasonal.Value, WeeklyDayClass.Name(input.AsOf) + " peak", string.Empty)
                : (PeakEstimator.Peak(usage).Value, "peak", $" (no {WeeklyDayClass.Name(input.AsOf)} in the window yet)")
            : (PeakEstimator.Peak(usage).Value, "peak", string.Empty);
        return MemoryEstimate.Of(peak, $"{label} {Memory.FromBytes(peak).ToHuman()}{note}");
    }
}
