using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// What estimators see: usage inside the window (sorted by time), the decision time, the window's OOM kills, the fitted
/// trend and, for a young container, the growth in its hourly peaks.
/// </summary>
public sealed record EstimationInput(ReadOnlyMemory<Sample> Usage, long AsOf, IReadOnlyList<OomKill> Kills, TrendEstimate? Trend)
{
    public GrowthEstimate? YoungGrowth { get; init; }
}
