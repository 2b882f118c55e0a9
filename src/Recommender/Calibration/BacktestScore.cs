namespace RightSizer.Recommender.Calibration;

/// <summary>
/// One backtest day's nonconformity score: how far the day's value passed the estimate made before it, in units of
/// the square-root headroom (<c>√(base in MiB)</c> MiB). Day 0 is the 24 hours before the decision time.
/// </summary>
public readonly record struct BacktestScore(double Value, int Day);
