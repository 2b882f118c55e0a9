using RightSizer.Recommender.Units;

namespace RightSizer.Recommender.Estimation;

/// <summary>The peak of the window (<see cref="PeakEstimator"/>).</summary>
public sealed class PeakMemoryEstimator : IMemoryEstimator
{
    public MemoryEstimate Estimate(EstimationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var peak = PeakEstimator.Peak(input.Usage.Span).Value;
        return MemoryEstimate.Of(peak, "peak " + Memory.FromBytes(peak).ToHuman());
    }
}
