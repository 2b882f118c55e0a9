using RightSizer.Api.Units;

namespace RightSizer.Recommender.Model;

/// <summary>
/// Growth seen in a young container's hourly peaks: the robust slope, the test statistic behind it, and what it adds
/// over the look-ahead; <see cref="LevelShift"/> when a one-off step explains the rise better than growth does.
/// </summary>
/// <param name="SlopeBytesPerDay">Theil-Sen slope (or the median day-over-day change once a day has been seen).</param>
/// <param name="Z">The Mann-Kendall (or seasonal sign) statistic, corrected for autocorrelation.</param>
/// <param name="Significant">Whether the growth is real at p &lt; 0.01 (one-sided) and not a level shift.</param>
/// <param name="Hours">Hourly peaks the test saw.</param>
public sealed record GrowthEstimate(
    double SlopeBytesPerDay,
    double Z,
    bool Significant,
    bool LevelShift,
    int Hours,
    TimeSpan Lookahead)
{
    /// <summary>What the growth adds over the look-ahead, when significant.</summary>
    public Memory Increase => Significant && SlopeBytesPerDay > 0
        ? Memory.FromBytes(SlopeBytesPerDay * Lookahead.TotalDays)
        : Memory.Zero;
}
