using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// The peak over the days of the same class (<see cref="WeeklyDayClass"/>) as the decision time. Business workloads
/// peak differently on weekdays and at weekends (weekend backups and batch runs, weekday traffic): on the Bitbrains
/// trace the weekend peak is above the weekday one for many VMs and below it for others, and a limit sized from the
/// other class's peak pays for memory that its own days never use (docs/benchmarks.md).
/// </summary>
public static class SeasonalPeak
{
    /// <returns>The largest value among the samples of the decision time's class; null when the window has none.</returns>
    public static Sample? Peak(ReadOnlySpan<Sample> samples, long asOf)
    {
        var weekend = WeeklyDayClass.IsWeekend(asOf);
        Sample? peak = null;
        foreach (var sample in samples)
        {
            if (WeeklyDayClass.IsWeekend(sample.Timestamp) == weekend && (peak is null || sample.Value > peak.Value.Value))
            {
                peak = sample;
            }
        }

        return peak;
    }
}
