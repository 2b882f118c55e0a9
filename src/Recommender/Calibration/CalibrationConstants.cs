namespace RightSizer.Recommender.Calibration;

/// <summary>The constants of headroom calibration, each with the reason for its value (docs/recommender.md).</summary>
public static class CalibrationConstants
{
    /// <summary>
    /// A backtest day counts only when the history before it spans at least this many days with data: a base of one
    /// or two days is a young container's, whose next-day excess says nothing about a mature one's.
    /// </summary>
    public const int MinBaseDays = 3;

    /// <summary>
    /// Age in days at which a backtest day weighs half as much: the weights of weighted conformal prediction (Barber et
    /// al. 2023), so after a rollout the new regime takes over within a week instead of a window.
    /// </summary>
    public const double DayHalfLife = 7;

    /// <summary>
    /// Expected exceedances (container-days × risk) at which the data and the prior weigh the same: with 2 expected
    /// tail events the empirical quantile is still mostly noise, with 20 it is within about a quarter of its value.
    /// </summary>
    public const double PriorExceedances = 3;

    /// <summary>
    /// Own backtest days at which a container's own spread and the fleet's weigh the same in its shrunk spread:
    /// a week of its own days.
    /// </summary>
    public const double OwnDaysPrior = 7;

    /// <summary>
    /// The calibrated fleet scale never drops below this share of the prior scale: a fleet of flat services calibrates
    /// to almost no headroom, and a twentieth of the prior (0.5 for the limit: +5% at 100Mi) is what noise alone asks.
    /// </summary>
    public const double FloorShareOfPrior = 0.05;

    /// <summary>
    /// A backtest day on which more than this share of the fleet exceeded its own base is a fleet-wide regime change (a
    /// rollout, a migration), not a tail sample: about 10% of container-days exceed their base on the real traces of
    /// docs/benchmarks.md, so half the fleet at once is five times that.
    /// </summary>
    public const double RegimeChangeShare = 0.5;

    /// <summary>A day counts as running when it holds at least this share of the samples a full day would.</summary>
    public const double RunningDayCoverage = 0.5;

    /// <summary>Past days over which the request is backtested: each costs one pass over the container's samples.</summary>
    public const int RequestDays = 2;

    /// <summary>
    /// At most this many containers, evenly spaced, feed the fleet's scale: 1,000 containers over two weeks are about
    /// 11,000 container-days, 55 expected exceedances at a 0.5% risk, and more would cost time without moving the quantile.
    /// </summary>
    public const int MaxFleetSample = 1000;
}
