using RightSizer.Api.Units;

namespace RightSizer.Operator.Export;

/// <summary>
/// Why a container gets its values, for the comment a reviewer reads next to the patch. Every field is optional: the
/// cluster source knows less than a live run (no peak, no percentile).
/// </summary>
public sealed record ContainerEvidence
{
    public TimeSpan? WindowCovered { get; init; }

    public long? Samples { get; init; }

    /// <summary>The percentile the request is based on, e.g. 90.</summary>
    public double? RequestPercentile { get; init; }

    /// <summary>The highest usage seen in the window.</summary>
    public Memory? Peak { get; init; }

    /// <summary>Growth per day, signed; null when no trend was fitted.</summary>
    public Memory? TrendPerDay { get; init; }

    public bool TrendSignificant { get; init; }

    public double? Confidence { get; init; }

    public int? OomKills { get; init; }
}
