using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// How much to trust a recommendation, from 0 to 1: the share of the window the history spans, times the share of the
/// expected scrapes present within that span. A week of gap-free data in a 14-day window gives 0.5.
/// </summary>
public static class ConfidenceEstimator
{
    /// <param name="samples">Samples inside the window, sorted by time; several may share a timestamp (replicas).</param>
    public static double Estimate(ReadOnlySpan<Sample> samples, long asOf, TimeSpan window)
    {
        if (samples.Length == 0 || window <= TimeSpan.Zero)
        {
            return 0;
        }

        var distinct = 1;
        var step = long.MaxValue;
        for (var i = 1; i < samples.Length; i++)
        {
            var gap = samples[i].Timestamp - samples[i - 1].Timestamp;
            if (gap > 0)
            {
                distinct++;
                step = Math.Min(step, gap);
            }
        }

        if (distinct == 1)
        {
            return 0;
        }

        // The span reaches to the decision time: a series that stopped reporting days ago is stale, not complete.
        var span = asOf - samples[0].Timestamp;
        var spanShare = Math.Min(1, span / window.TotalSeconds);
        var expected = (double)(samples[^1].Timestamp - samples[0].Timestamp) / step + 1;
        var coverage = Math.Min(1, distinct / expected);
        return Math.Round(spanShare * coverage, 2);
    }

    /// <summary>Runs of an intermittent container needed for full trust: a week of daily runs.</summary>
    public const int TrustedRuns = 7;

    /// <summary>
    /// For an intermittent history the gaps between runs are the workload's shape, not missing scrapes: the span's share
    /// of the window times the share of <see cref="TrustedRuns"/> runs seen.
    /// </summary>
    public static double EstimateIntermittent(ReadOnlySpan<Sample> samples, long asOf, TimeSpan window, RunningTime running)
    {
        ArgumentNullException.ThrowIfNull(running);
        if (samples.Length == 0 || window <= TimeSpan.Zero)
        {
            return 0;
        }

        var spanShare = Math.Min(1, (asOf - samples[0].Timestamp) / window.TotalSeconds);
        return Math.Round(spanShare * Math.Min(1, (double)running.Runs / TrustedRuns), 2);
    }
}
