namespace RightSizer.Recommender.History;

/// <summary>What a history sample may hold, checked by every source at the edge so the engine never overflows.</summary>
public static class HistoryLimits
{
    /// <summary>
    /// The largest usage sample accepted: 1 PiB. No container has that much memory, and headroom, margins and trend
    /// projections on top of it stay far below <see cref="long.MaxValue"/> bytes.
    /// </summary>
    public const double MaxSampleBytes = 1L << 50;

    /// <summary>9999-12-31T23:59:59Z, the last second a <see cref="DateTimeOffset"/> holds.</summary>
    public const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>The same instant in milliseconds: a timestamp between the two is almost surely milliseconds.</summary>
    public const double MaxUnixMilliseconds = MaxUnixSeconds * 1000.0;

    /// <summary>Why <paramref name="bytes"/> cannot be a usage sample, or null when it can.</summary>
    public static string? SampleProblem(double bytes) => bytes switch
    {
        double.NaN => "is not a number (NaN)",
        double.PositiveInfinity or double.NegativeInfinity => "is infinite",
        < 0 => "is negative",
        > MaxSampleBytes => "is larger than 1 PiB, more than any container holds",
        _ => null,
    };

    /// <summary>Why <paramref name="seconds"/> cannot be a unix timestamp in seconds, or null when it can.</summary>
    public static string? TimestampProblem(double seconds) => seconds switch
    {
        double.NaN or double.PositiveInfinity or double.NegativeInfinity => "is not a number of unix seconds",
        < 0 => "is before 1970",
        > MaxUnixSeconds and <= MaxUnixMilliseconds => "is after the year 9999 (looks like milliseconds; give unix seconds)",
        > MaxUnixSeconds => "is after the year 9999",
        _ => null,
    };
}
