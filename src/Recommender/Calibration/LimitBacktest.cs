using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Calibration;

/// <summary>
/// Backtests the peak limit over a container's own recent days: for each day, the peak of the days before it (with the
/// margin) is the estimate, and the score is the day's peak above it in headroom units. Only days that ran, that follow
/// a day that ran (a task restarting after a gap is not a tail of the running one), and that have
/// <see cref="CalibrationConstants.MinBaseDays"/> running days before them count. Costs one pass over the samples.
/// </summary>
public static class LimitBacktest
{
    private const long Day = 86_400;

    /// <param name="usage">Samples inside the window, sorted by time.</param>
    /// <param name="margin">The limit margin applied to the peak before the headroom.</param>
    /// <param name="into">Receives the scores; at most the window's number of days.</param>
    /// <returns>The number of scores written.</returns>
    public static int Compute(ReadOnlySpan<Sample> usage, long asOf, TimeSpan step, double margin, Span<BacktestScore> into)
    {
        var dayCount = Math.Min(DailyPeaks.DayCount(usage, asOf), into.Length + CalibrationConstants.MinBaseDays + 1);
        if (dayCount <= CalibrationConstants.MinBaseDays || step <= TimeSpan.Zero)
        {
            return 0;
        }

        Span<double> peaks = dayCount <= 256 ? stackalloc double[dayCount] : new double[dayCount];
        Span<int> counts = dayCount <= 256 ? stackalloc int[dayCount] : new int[dayCount];
        DailyPeaks.Compute(usage, asOf, peaks);
        counts.Clear();
        foreach (var sample in usage)
        {
            var day = (int)((asOf - 1 - sample.Timestamp) / Day);
            if ((uint)day < (uint)dayCount)
            {
                counts[day]++;
            }
        }

        var full = CalibrationConstants.RunningDayCoverage * Day / step.TotalSeconds;
        var written = 0;
        var basePeak = double.NaN;
        var baseDays = 0;
        for (var day = dayCount - 1; day >= 0; day--)
        {
            var running = counts[day] >= full;
            if (running && day + 1 < dayCount && counts[day + 1] >= full && baseDays >= CalibrationConstants.MinBaseDays
                && written < into.Length)
            {
                var estimate = basePeak * (1 + margin);
                into[written++] = new BacktestScore((peaks[day] - estimate) / Unit(basePeak), day);
            }

            if (!double.IsNaN(peaks[day]))
            {
                basePeak = double.IsNaN(basePeak) ? peaks[day] : Math.Max(basePeak, peaks[day]);
                baseDays += running ? 1 : 0;
            }
        }

        return written;
    }

    /// <summary>The headroom unit of a base value: <c>√(base in MiB)</c> MiB, in bytes (SizeAwareHeadroom at scale 1).</summary>
    public static double Unit(double bytes) => Math.Max(SizeAwareHeadroom.For(bytes, 1), 1);
}
