using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// How long a container actually ran inside its history, as opposed to the wall-clock span: the scrape step (the
/// smallest gap between timestamps) times the distinct timestamps, and the runs between gaps of
/// <see cref="MinGap"/> or more. Batch jobs, CronJobs and rescheduled tasks run a fraction of the time; their
/// gaps are absence, never zero usage.
/// </summary>
public sealed record RunningTime(TimeSpan Running, TimeSpan Span, TimeSpan Step, int Runs)
{
    /// <summary>A gap of this long or more ends a run; shorter gaps are missed scrapes, not absence.</summary>
    public static readonly TimeSpan MinGap = TimeSpan.FromHours(2);

    /// <summary>Below this share of its span a history counts as intermittent.</summary>
    public const double IntermittentShare = 0.8;

    public static RunningTime None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0);

    public double Share => Span > TimeSpan.Zero ? Math.Min(1, Running / Span) : 0;

    public bool Intermittent => Runs > 1 && Share < IntermittentShare;

    /// <param name="samples">Sorted by time; several may share a timestamp (replicas).</param>
    public static RunningTime Of(ReadOnlySpan<Sample> samples)
    {
        if (samples.Length == 0)
        {
            return None;
        }

        var step = long.MaxValue;
        for (var i = 1; i < samples.Length; i++)
        {
            var gap = samples[i].Timestamp - samples[i - 1].Timestamp;
            if (gap > 0)
            {
                step = Math.Min(step, gap);
            }
        }

        if (step == long.MaxValue)
        {
            return new RunningTime(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 1);
        }

        var distinct = 1L;
        var runs = 1;
        for (var i = 1; i < samples.Length; i++)
        {
            var gap = samples[i].Timestamp - samples[i - 1].Timestamp;
            if (gap > 0)
            {
                distinct++;
                if (gap >= Math.Max(6 * step, (long)MinGap.TotalSeconds))
                {
                    runs++;
                }
            }
        }

        var span = samples[^1].Timestamp - samples[0].Timestamp + step;
        return new RunningTime(TimeSpan.FromSeconds(distinct * step), TimeSpan.FromSeconds(span), TimeSpan.FromSeconds(step), runs);
    }
}
