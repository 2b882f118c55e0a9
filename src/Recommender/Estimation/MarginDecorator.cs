using static System.FormattableString;

namespace RightSizer.Recommender.Estimation;

/// <summary>Adds a fixed share of the estimate: a policy's <c>requestMargin</c> or <c>limitMargin</c>.</summary>
public sealed class MarginDecorator(IMemoryEstimator inner, double fraction) : IMemoryEstimator
{
    public MemoryEstimate Estimate(EstimationInput input)
    {
        var estimate = inner.Estimate(input);
        return fraction > 0 ? estimate.Adjusted(estimate.Bytes * (1 + fraction), Invariant($" (+{fraction * 100:0.#}%)")) : estimate;
    }
}
