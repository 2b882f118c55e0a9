using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Units;

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
        if (seasonality == Seasonality.Weekly)
        {
            var dayClass = WeeklyDayClass.Name(input.AsOf);
            if (SeasonalPeak.Peak(usage, input.AsOf) is { } seasonal)
            {
                return MemoryEstimate.Of(seasonal.Value, $"{dayClass} peak {Memory.FromBytes(seasonal.Value).ToHuman()}");
            }

            var fallback = PeakEstimator.Peak(usage).Value;
            return MemoryEstimate.Of(fallback, $"peak {Memory.FromBytes(fallback).ToHuman()} (no {dayClass} in the window yet)");
        }

        var peak = PeakEstimator.Peak(usage).Value;
        return MemoryEstimate.Of(peak, "peak " + Memory.FromBytes(peak).ToHuman());
    }
}
