using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Estimation;

/// <summary>Cuts the samples in [from, to) out of a time-sorted series without copying.</summary>
public static class SampleWindow
{
    public static ReadOnlySpan<Sample> Slice(ReadOnlySpan<Sample> samples, long from, long to)
    {
        var start = FirstAtOrAfter(samples, from);
        var end = FirstAtOrAfter(samples, to);
        return end > start ? samples[start..end] : [];
    }

    public static ReadOnlyMemory<Sample> Slice(ReadOnlyMemory<Sample> samples, long from, long to)
    {
        var start = FirstAtOrAfter(samples.Span, from);
        var end = FirstAtOrAfter(samples.Span, to);
        return end > start ? samples[start..end] : ReadOnlyMemory<Sample>.Empty;
    }

    /// <summary>Where the samples in [from, to) sit in a time-sorted series.</summary>
    public static Range Indices(ReadOnlySpan<Sample> samples, long from, long to)
    {
        var start = FirstAtOrAfter(samples, from);
        return start..Math.Max(start, FirstAtOrAfter(samples, to));
    }

    private static int FirstAtOrAfter(ReadOnlySpan<Sample> samples, long timestamp)
    {
        var low = 0;
        var high = samples.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (samples[middle].Timestamp < timestamp)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
