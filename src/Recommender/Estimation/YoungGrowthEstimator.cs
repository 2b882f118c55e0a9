using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// Detects growth in a container younger than the daily trend can see (<see cref="TrendEstimator.MinDays"/> days),
/// from its hourly peaks. Under a day of history: the Theil-Sen slope and a one-sided Mann-Kendall test whose variance
/// is corrected for autocorrelation (Hamed and Rao 1998, using the lags whose rank autocorrelation of the detrended
/// series is significant). Once a day has been seen, hourly peaks are compared with the same hour a day earlier, so a
/// daily cycle cancels out: the slope is the median day-over-day change and the test a sign test on those changes with
/// the same kind of correction. A rise that a single step explains better than a line (smaller squared error of two
/// levels than of the line) is a level shift, not growth: the percentile and the peak already size to the new level.
/// </summary>
public static class YoungGrowthEstimator
{
    /// <summary>Hourly peaks needed before a test means anything.</summary>
    public const int MinHours = 6;

    /// <summary>One-sided p &lt; 0.01.</summary>
    public const double CriticalZ = 2.326;

    private const long Hour = 3600;

    /// <returns>The growth, or null when the container is old enough for the daily trend or too young for any test.</returns>
    public static GrowthEstimate? Estimate(ReadOnlySpan<Sample> samples, long asOf, TimeSpan lookahead)
    {
        if (samples.Length == 0 || asOf - samples[0].Timestamp >= TrendEstimator.MinDays * 24 * Hour)
        {
            return null;
        }

        var hours = (int)((asOf - 1 - samples[0].Timestamp) / Hour) + 1;
        var peaks = new double[hours];
        Array.Fill(peaks, double.NaN);
        foreach (var sample in samples)
        {
            var index = hours - 1 - (int)((asOf - 1 - sample.Timestamp) / Hour);
            if ((uint)index < (uint)hours && !(peaks[index] >= sample.Value))
            {
                peaks[index] = sample.Value;
            }
        }

        var times = new List<double>(hours);
        var values = new List<double>(hours);
        for (var h = 0; h < hours; h++)
        {
            if (!double.IsNaN(peaks[h]))
            {
                times.Add(h);
                values.Add(peaks[h]);
            }
        }

        if (values.Count < MinHours)
        {
            return null;
        }

        return hours >= 24 ? DayOverDay(peaks, lookahead, values.Count) : WithinTheDay(times, values, lookahead);
    }

    private static GrowthEstimate WithinTheDay(List<double> times, List<double> values, TimeSpan lookahead)
    {
        var slopePerHour = TheilSen(times, values);
        var z = MannKendallZ(times, values, slopePerHour);
        var shift = StepFitsBetter(times, values);
        var significant = z > CriticalZ && slopePerHour > 0 && !shift;
        return new GrowthEstimate(slopePerHour * 24, z, significant, shift, values.Count, lookahead);
    }

    private static GrowthEstimate DayOverDay(double[] peaks, TimeSpan lookahead, int hoursSeen)
    {
        var changes = new List<double>();
        for (var h = 24; h < peaks.Length; h++)
        {
            if (!double.IsNaN(peaks[h]) && !double.IsNaN(peaks[h - 24]))
            {
                changes.Add(peaks[h] - peaks[h - 24]);
            }
        }

        if (changes.Count < MinHours)
        {
            return new GrowthEstimate(0, 0, false, false, hoursSeen, lookahead);
        }

        var perDay = Median(changes);
        var signs = changes.Select(c => (double)Math.Sign(c)).ToList();
        var s = signs.Sum();
        var n = signs.Count;
        var variance = n * Math.Max(1, 1 + (2 * SignificantAutocorrelationSum(signs, k => 1 - ((double)k / n))));
        var z = s / Math.Sqrt(variance);

        // A step within the last day shows as changes that are all positive and the same size after the step hour;
        // comparing with the hourly series itself tells the two apart as within the day.
        var recent = new List<double>();
        var recentTimes = new List<double>();
        for (var h = Math.Max(0, peaks.Length - 24); h < peaks.Length; h++)
        {
            if (!double.IsNaN(peaks[h]))
            {
                recent.Add(peaks[h]);
                recentTimes.Add(h);
            }
        }

        var shift = recent.Count >= MinHours && StepFitsBetter(recentTimes, recent) && StepFitsBetter(Enumerable.Range(0, changes.Count).Select(i => (double)i).ToList(), changes);
        return new GrowthEstimate(perDay, z, z > CriticalZ && perDay > 0 && !shift, shift, hoursSeen, lookahead);
    }

    private static double TheilSen(List<double> times, List<double> values)
    {
        var slopes = new List<double>(values.Count * (values.Count - 1) / 2);
        for (var i = 0; i < values.Count; i++)
        {
            for (var j = i + 1; j < values.Count; j++)
            {
                slopes.Add((values[j] - values[i]) / (times[j] - times[i]));
            }
        }

        return Median(slopes);
    }

    // Mann-Kendall S with the Hamed-Rao variance: Var(S) × n/n*, where n/n* sums the significant lag autocorrelations
    // of the ranks of the detrended series.
    private static double MannKendallZ(List<double> times, List<double> values, double slope)
    {
        var n = values.Count;
        var s = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s += Math.Sign(values[j] - values[i]);
            }
        }

        var detrended = values.Select((v, i) => v - (slope * times[i])).ToList();
        var ranks = Ranks(detrended);
        var correction = 1 + (2.0 / (n * (n - 1.0) * (n - 2.0)) * SignificantAutocorrelationSum(
            ranks, k => (n - k) * (n - k - 1.0) * (n - k - 2.0)));
        var variance = n * (n - 1.0) * ((2.0 * n) + 5) / 18 * Math.Max(1, correction);
        return s > 0 ? (s - 1) / Math.Sqrt(variance) : s < 0 ? (s + 1) / Math.Sqrt(variance) : 0;
    }

    // Σ weight(k) × r_k over the lags whose autocorrelation r_k is significant at 5% (|r_k| > 1.96 / √n).
    private static double SignificantAutocorrelationSum(List<double> series, Func<int, double> weight)
    {
        var n = series.Count;
        var mean = series.Average();
        var denominator = series.Sum(x => (x - mean) * (x - mean));
        if (denominator <= 0)
        {
            return 0;
        }

        var sum = 0.0;
        var bound = 1.96 / Math.Sqrt(n);
        for (var k = 1; k < n - 2; k++)
        {
            var numerator = 0.0;
            for (var i = 0; i + k < n; i++)
            {
                numerator += (series[i] - mean) * (series[i + k] - mean);
            }

            var r = numerator / denominator;
            if (Math.Abs(r) > bound)
            {
                sum += weight(k) * r;
            }
        }

        return sum;
    }

    // Whether two constant levels split at the best hour fit better than the least-squares line.
    private static bool StepFitsBetter(List<double> times, List<double> values)
    {
        var n = values.Count;
        var meanT = times.Average();
        var meanV = values.Average();
        var sxx = times.Sum(t => (t - meanT) * (t - meanT));
        var sxy = times.Select((t, i) => (t - meanT) * (values[i] - meanV)).Sum();
        var slope = sxx > 0 ? sxy / sxx : 0;
        var lineError = values.Select((v, i) => v - meanV - (slope * (times[i] - meanT))).Sum(r => r * r);

        var best = double.MaxValue;
        var (leftSum, leftSquares) = (0.0, 0.0);
        var (totalSum, totalSquares) = (values.Sum(), values.Sum(v => v * v));
        for (var split = 1; split < n; split++)
        {
            leftSum += values[split - 1];
            leftSquares += values[split - 1] * values[split - 1];
            var rightSum = totalSum - leftSum;
            var rightSquares = totalSquares - leftSquares;
            var error = leftSquares - (leftSum * leftSum / split) + rightSquares - (rightSum * rightSum / (n - split));
            best = Math.Min(best, error);
        }

        return best < lineError;
    }

    private static List<double> Ranks(List<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r + 1;
        }

        return [.. ranks];
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
