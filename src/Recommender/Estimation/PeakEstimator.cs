using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// The peak of the window. Deliberately not decayed: on real traces old peaks recur (a monthly batch, a weekly report),
/// and forgetting them trades memory for OOM kills; docs/benchmarks.md measures that trade.
/// </summary>
public static class PeakEstimator
{
    /// <returns>The largest value and the time it was seen.</returns>
    public static Sample Peak(ReadOnlySpan<Sample> samples)
    {
        if (samples.Length == 0)
        {
            throw new ArgumentException("At least one sample is needed.", nameof(samples));
        }

        var peak = samples[0];
        foreach (var sample in samples[1..])
        {
            if (sample.Value > peak.Value)
            {
                peak = sample;
            }
        }

        return peak;
    }
}
