using RightSizer.Api.Units;
using static System.FormattableString;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// Adds a young container's significant growth over the look-ahead (the time to the next recommendation plus a
/// reaction margin) to the estimate: a cache warming or a heap filling from hour 0 would otherwise outgrow a request
/// sized from its first hours before the daily trend can see it.
/// </summary>
public sealed class YoungGrowthDecorator(IMemoryEstimator inner, string what) : IMemoryEstimator
{
    public MemoryEstimate Estimate(EstimationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var estimate = inner.Estimate(input);
        if (input.YoungGrowth is not { Significant: true } growth || growth.Increase <= Memory.Zero)
        {
            return estimate;
        }

        return estimate.Noted(estimate.Bytes + growth.Increase.Bytes, new Model.Reason(Api.V1alpha1.ReasonCode.YoungGrowth, Invariant(
            $"growth: young workload growing {Memory.FromBytes(growth.SlopeBytesPerDay).ToHuman()}/day over {growth.Hours} hourly peaks (z = {growth.Z:0.0}); {what} raised by {growth.Increase.ToHuman()} for the next {PromDuration.Format(growth.Lookahead)}")));
    }
}
