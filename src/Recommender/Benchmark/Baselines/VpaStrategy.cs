using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Benchmark.Baselines;

/// <summary>
/// The Vertical Pod Autoscaler recommender's memory target, configured as the VPA with an original limit equal to the
/// request (request = limit = target). Constants from kubernetes/autoscaler vertical-pod-autoscaler:
/// pkg/recommender/model/aggregations_config.go (daily peaks, 8 days kept, half-life 24h, exponential buckets from
/// 1e7 bytes growing 5%), pkg/recommender/util/histogram.go (a percentile is answered with the end of its bucket),
/// pkg/recommender/logic/recommender.go (target = p90 of the peaks, safety margin 15%, 250 MiB pod minimum).
/// </summary>
public sealed class VpaStrategy : ISizingStrategy
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);
    public const int IntervalsKept = 8;
    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(1);
    public const double Percentile = 0.9;
    public const double SafetyMargin = 0.15;
    public static readonly Memory Minimum = Memory.FromMiB(250);

    public string Name => "vpa";

    public SizingProposal? Propose(ContainerHistory history, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(history);
        var to = decisionTime.ToUnixTimeSeconds();
        var interval = (long)Interval.TotalSeconds;
        Span<double> peaks = stackalloc double[IntervalsKept];
        peaks.Fill(double.NaN);
        foreach (var sample in history.Usage.Span)
        {
            var age = to - 1 - sample.Timestamp;
            if (sample.Timestamp >= to || age >= interval * IntervalsKept)
            {
                continue;
            }

            var index = (int)(age / interval);
            if (!(peaks[index] >= sample.Value))
            {
                peaks[index] = sample.Value;
            }
        }

        var histogram = new VpaHistogram();
        for (var i = 0; i < IntervalsKept; i++)
        {
            if (!double.IsNaN(peaks[i]))
            {
                // Each daily peak is stamped with its interval's start; weights double per half-life towards now.
                histogram.Add(peaks[i], Math.Pow(2, -(i + 1) * interval / HalfLife.TotalSeconds));
            }
        }

        if (histogram.IsEmpty)
        {
            return null;
        }

        var target = Memory.Max(Memory.FromBytes(histogram.Percentile(Percentile) * (1 + SafetyMargin)), Minimum);
        return new SizingProposal(target, target);
    }
}
