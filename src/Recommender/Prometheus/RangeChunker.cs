namespace RightSizer.Recommender.Prometheus;

/// <summary>Splits a range query's [start, end] so that no part returns more than a given number of points per series.</summary>
public static class RangeChunker
{
    /// <summary>
    /// Consecutive inclusive ranges in unix seconds, each with at most <paramref name="maxPoints"/> evaluation steps;
    /// together they evaluate exactly the steps <c>start, start+step, ... &lt;= end</c> of the whole range, once each.
    /// </summary>
    public static IReadOnlyList<(long Start, long End)> Split(long start, long end, long stepSeconds, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        if (end < start)
        {
            return [];
        }

        var chunks = new List<(long, long)>();
        var span = (maxPoints - 1) * stepSeconds;
        for (var chunkStart = start; chunkStart <= end; chunkStart += span + stepSeconds)
        {
            chunks.Add((chunkStart, Math.Min(end, chunkStart + span)));
        }

        return chunks;
    }
}
