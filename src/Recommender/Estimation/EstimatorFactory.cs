using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Estimation;

/// <summary>Composes the estimators for a request and a limit from a policy's settings.</summary>
public static class EstimatorFactory
{
    /// <summary>
    /// The request: the decayed percentile of usage (recent samples weigh more), at least the memory floor, plus the
    /// policy's margin, plus the square-root headroom of that base (small containers get a larger share, large ones a
    /// smaller); with a fleet calibration, at the scale that meets the over-request risk; plus a young container's
    /// growth over the look-ahead.
    /// </summary>
    public static IMemoryEstimator Request(RecommendationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var percentile = new MemoryFloorDecorator(new DecayedPercentileEstimator(settings.RequestPercentile, settings.HalfLife));
        var withMargin = new MarginDecorator(percentile, settings.RequestMargin);
        IMemoryEstimator withHeadroom = settings.Calibration is { } calibration
            ? new CalibratedHeadroomDecorator(withMargin, calibration.Request, BacktestKind.Request, settings, settings.RequestMargin)
            : new HeadroomDecorator(withMargin, settings.RequestHeadroomScale, widenPerKill: false);
        return new YoungGrowthDecorator(withHeadroom, "request");
    }

    /// <summary>
    /// The limit: the window's peak (with Weekly seasonality, the peak of the decision day's class; or a decayed high
    /// percentile), at least the memory floor, plus the margin, plus the square-root headroom of the base (with a fleet
    /// calibration of the peak, at the scale that meets the OOM risk), widened by each OOM kill, plus a young
    /// container's growth over the look-ahead; then raised, if need be, to the growth trend's projection at the horizon
    /// and to the OOM-kill floor (the limit at the last kill × 1.2, at least +100 MiB).
    /// </summary>
    /// <param name="strategy">Peak or Percentile (None has no limit to estimate).</param>
    /// <param name="margin">The limit margin after the QoS default has been applied.</param>
    public static IMemoryEstimator Limit(RecommendationSettings settings, LimitStrategy strategy, double margin)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IMemoryEstimator basis = strategy == LimitStrategy.Percentile
            ? new DecayedPercentileEstimator(settings.LimitPercentile, settings.HalfLife)
            : new PeakMemoryEstimator(settings.Seasonality);
        var withMargin = new MarginDecorator(new MemoryFloorDecorator(basis), margin);
        IMemoryEstimator withHeadroom = Calibrates(settings, strategy) && settings.Calibration is { } calibration
            ? new CalibratedHeadroomDecorator(withMargin, calibration.Limit, BacktestKind.Limit, settings, margin)
            : new HeadroomDecorator(withMargin, settings.LimitHeadroomScale, widenPerKill: true);
        return new OomFloorDecorator(new TrendFloorDecorator(new YoungGrowthDecorator(withHeadroom, "limit")));
    }

    /// <summary>
    /// Whether the limit's headroom is calibrated: the backtest replays the peak over the whole window, so only that
    /// limit (Peak, no seasonality) has scores that match it.
    /// </summary>
    public static bool Calibrates(RecommendationSettings settings, LimitStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Calibration is not null && strategy == LimitStrategy.Peak && settings.Seasonality == Seasonality.None;
    }
}
