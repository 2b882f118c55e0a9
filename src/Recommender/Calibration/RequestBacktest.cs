using System.Buffers;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Calibration;

/// <summary>
/// Backtests the request over the last <see cref="CalibrationConstants.RequestDays"/> days: for each, the decayed
/// percentile of the samples before it (with the margin) is the estimate, and every sample of the day gets a score,
/// its usage above the estimate in headroom units. The percentiles come from a 512-bin histogram of the container's
/// own range (resolution: 1/512 of it) so the backtest costs two passes over the samples and no sort.
/// </summary>
public static class RequestBacktest
{
    private const long Day = 86_400;
    private const int Bins = 512;

    /// <param name="usage">Samples inside the window, sorted by time.</param>
    /// <param name="scores">Receives the scores; as long as <paramref name="usage"/>.</param>
    /// <param name="days">Receives each score's day (1 = the 24 hours before the decision time).</param>
    /// <returns>The number of scores written.</returns>
    public static int Compute(
        ReadOnlySpan<Sample> usage,
        long asOf,
        TimeSpan halfLife,
        double percentile,
        double margin,
        Span<double> scores,
        Span<byte> days)
    {
        const int cutoffs = CalibrationConstants.RequestDays;
        if (usage.Length == 0 || asOf - usage[0].Timestamp < (cutoffs + 1) * Day)
        {
            return 0;
        }

        var min = double.MaxValue;
        var max = double.MinValue;
        foreach (var sample in usage)
        {
            min = Math.Min(min, sample.Value);
            max = Math.Max(max, sample.Value);
        }

        var width = Math.Max((max - min) / Bins, 1);
        var histograms = ArrayPool<double>.Shared.Rent(cutoffs * Bins);
        try
        {
            var histogram = histograms.AsSpan(0, cutoffs * Bins);
            histogram.Clear();
            Span<double> totals = stackalloc double[cutoffs];
            totals.Clear();
            var decay = Math.Log(2) / halfLife.TotalSeconds;
            var inverseWidth = 1 / width;
            var weight = 0.0;
            var factor = 1.0;
            var anchorDay = long.MinValue;
            var lastStep = long.MinValue;
            var previous = 0L;
            foreach (var sample in usage)
            {
                // The sample is history for every cutoff after it: cutoff j (1-based) is asOf - j days. Samples are
                // sorted, so the first one of the last day ends the pass.
                var age = asOf - sample.Timestamp - 1;
                var before = (int)Math.Min(cutoffs, age / Day);
                if (before <= 0)
                {
                    break;
                }

                // 2^(-age / halfLife), exact at each day's first sample and chained by the step's factor within the
                // day: one multiplication per sample instead of a power.
                if (age / Day != anchorDay)
                {
                    anchorDay = age / Day;
                    weight = Math.Exp((sample.Timestamp - asOf) * decay);
                }
                else
                {
                    var step = sample.Timestamp - previous;
                    if (step != lastStep)
                    {
                        lastStep = step;
                        factor = Math.Exp(step * decay);
                    }

                    weight *= factor;
                }

                previous = sample.Timestamp;
                var bin = Math.Min((int)((sample.Value - min) * inverseWidth), Bins - 1);
                histogram[((before - 1) * Bins) + bin] += weight;
                totals[before - 1] += weight;
            }

            Span<double> bases = stackalloc double[cutoffs];
            for (var j = cutoffs - 1; j >= 0; j--)
            {
                // Cutoff j+1 sees the samples of every later slot too.
                if (j + 1 < cutoffs)
                {
                    for (var b = 0; b < Bins; b++)
                    {
                        histogram[(j * Bins) + b] += histogram[((j + 1) * Bins) + b];
                    }

                    totals[j] += totals[j + 1];
                }

                bases[j] = Quantile(histogram.Slice(j * Bins, Bins), totals[j], percentile, min, width);
            }

            var written = 0;
            var first = FirstAfter(usage, asOf - (cutoffs * Day));
            foreach (var sample in usage[first..])
            {
                var day = (asOf - sample.Timestamp - 1) / Day;
                if (day < cutoffs)
                {
                    var basis = bases[(int)day];
                    scores[written] = (sample.Value - (basis * (1 + margin))) / LimitBacktest.Unit(basis);
                    days[written++] = (byte)(day + 1);
                }
            }

            return written;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(histograms);
        }
    }

    // The index of the first sample at or after the time: usage is sorted, so a binary search.
    private static int FirstAfter(ReadOnlySpan<Sample> usage, long time)
    {
        var (lo, hi) = (0, usage.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = usage[mid].Timestamp < time ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }

    // The upper edge of the bin where the cumulative weight reaches the percentile: never below the true percentile.
    private static double Quantile(ReadOnlySpan<double> histogram, double total, double percentile, double min, double width)
    {
        var target = total * percentile / 100;
        var cumulative = 0.0;
        for (var b = 0; b < histogram.Length; b++)
        {
            cumulative += histogram[b];
            if (cumulative >= target && histogram[b] > 0)
            {
                return min + ((b + 1) * width);
            }
        }

        return min + (histogram.Length * width);
    }
}
