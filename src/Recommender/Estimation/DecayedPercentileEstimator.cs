using RightSizer.Api.Units;
using static System.FormattableString;

namespace RightSizer.Recommender.Estimation;

/// <summary>A percentile of usage with exponentially decaying sample weights (<see cref="DecayedPercentile"/>).</summary>
public sealed class DecayedPercentileEstimator(double percentile, TimeSpan halfLife) : IMemoryEstimator
{
    public MemoryEstimate Estimate(EstimationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var value = DecayedPercentile.Estimate(input.Usage.Span, input.AsOf, halfLife, percentile);
        return MemoryEstimate.Of(value, Invariant($"p{percentile:0.##} {Memory.FromBytes(value).ToHuman()}"));
    }
}
