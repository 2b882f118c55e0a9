namespace RightSizer.Recommender.Calibration;

/// <summary>Which value a calibrated headroom protects, and so which backtest scores a container's own days.</summary>
public enum BacktestKind
{
    /// <summary>The limit, against the next day's peak (<see cref="LimitBacktest"/>).</summary>
    Limit,

    /// <summary>The request, against every sample of the next day (<see cref="RequestBacktest"/>).</summary>
    Request,
}
