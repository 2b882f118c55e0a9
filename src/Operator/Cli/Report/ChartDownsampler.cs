using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli.Report;

/// <summary>
/// Shrinks a history to one point per pixel column: the window is cut into <c>buckets</c> equal spans and each keeps
/// the minimum and maximum of its samples. Drawn as a band between the two, the chart looks as the full series would
/// at that width (every peak stays visible, unlike averaging or picking every n-th sample), and its size no longer
/// grows with the number of samples.
/// </summary>
public static class ChartDownsampler
{
    public static IReadOnlyList<ChartPoint> Downsample(ReadOnlySpan<Sample> samples, long from, long to, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        if (samples.IsEmpty || to <= from)
        {
            return [];
        }

        var span = (double)(to - from) / buckets;
        var points = new List<ChartPoint>(buckets);
        var current = -1;
        double min = 0, max = 0;
        foreach (var sample in samples)
        {
            if (sample.Timestamp < from || sample.Timestamp >= to)
            {
                continue;
            }

            var bucket = Math.Min(buckets - 1, (int)((sample.Timestamp - from) / span));
            if (bucket != current)
            {
                if (current >= 0)
                {
                    points.Add(new ChartPoint(from + (long)(current * span), min, max));
                }

                current = bucket;
                min = max = sample.Value;
            }
            else
            {
                min = Math.Min(min, sample.Value);
                max = Math.Max(max, sample.Value);
            }
        }

        if (current >= 0)
        {
            points.Add(new ChartPoint(from + (long)(current * span), min, max));
        }

        return points;
    }
}
