using System.Buffers;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// A percentile of usage in which a sample's weight halves every half-life back from the decision time, so recent
/// behaviour counts more than old: the decaying histogram of the VPA recommender
/// (kubernetes/autoscaler vertical-pod-autoscaler/pkg/recommender/util/decaying_histogram.go) and of Autopilot
/// (Rzadca et al., EuroSys 2020, section 3.1), computed exactly instead of over buckets.
/// </summary>
public static class DecayedPercentile
{
    /// <param name="samples">Samples inside the window, sorted by time.</param>
    /// <param name="asOf">The decision time in unix seconds: a sample this old has weight 1.</param>
    /// <param name="halfLife">The age at which a sample weighs half as much.</param>
    /// <param name="percentile">In (0, 100].</param>
    public static double Estimate(ReadOnlySpan<Sample> samples, long asOf, TimeSpan halfLife, double percentile)
    {
        if (samples.Length == 0)
        {
            throw new ArgumentException("At least one sample is needed.", nameof(samples));
        }

        if (halfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "Must be positive.");
        }

        var values = ArrayPool<double>.Shared.Rent(samples.Length);
        var weights = ArrayPool<double>.Shared.Rent(samples.Length);
        try
        {
            var halfLifeSeconds = halfLife.TotalSeconds;
            for (var i = 0; i < samples.Length; i++)
            {
                values[i] = samples[i].Value;
                // Exponents are relative to the decision time, so they are <= 0 and never overflow.
                weights[i] = Math.Pow(2, (samples[i].Timestamp - asOf) / halfLifeSeconds);
            }

            return WeightedQuantile.Compute(values.AsSpan(0, samples.Length), weights.AsSpan(0, samples.Length), percentile);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
            ArrayPool<double>.Shared.Return(weights);
        }
    }
}
