namespace RightSizer.Recommender.Estimation;

/// <summary>
/// Estimates a memory size from a container's usage: a base estimator (a percentile, the peak) or a decorator that
/// adjusts another's estimate (margin, headroom, trend and OOM floors). <see cref="EstimatorFactory"/> composes them.
/// </summary>
public interface IMemoryEstimator
{
    MemoryEstimate Estimate(EstimationInput input);
}
