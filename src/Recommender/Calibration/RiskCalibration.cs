namespace RightSizer.Recommender.Calibration;

/// <summary>
/// The headroom scale that meets a target risk, calibrated on a fleet's backtest: the weighted conformal quantile of the
/// scores blended with the prior by the evidence, never below the floor, and the fleet's spread of scores, from which
/// each container's own spread is shrunk (<see cref="ScaleFor"/>).
/// </summary>
/// <param name="TargetRisk">The share of container-days (limit) or of time (request) usage may exceed the value.</param>
/// <param name="Scale">The fleet's calibrated scale of the square-root headroom.</param>
/// <param name="Fitted">The conformal quantile of the data alone; null when the data were too few for the risk.</param>
/// <param name="PriorScale">The scale used without data (the policy's headroom scale).</param>
/// <param name="DataWeight">λ in [0, 1): how far the scale moved from the prior toward the data.</param>
/// <param name="ContainerDays">Backtest container-days that fed the quantile.</param>
/// <param name="Spread">The fleet's spread of scores (root mean square of the positive part).</param>
public sealed record RiskCalibration(
    double TargetRisk,
    double Scale,
    double? Fitted,
    double PriorScale,
    double DataWeight,
    double ContainerDays,
    double Spread)
{
    /// <summary>No data: the prior scale, for a container sized alone.</summary>
    public static RiskCalibration Prior(double targetRisk, double priorScale) =>
        new(targetRisk, priorScale, null, priorScale, 0, 0, 0);

    /// <summary>
    /// A container's scale: the fleet's, times its own spread relative to the fleet's (when larger), shrunk toward 1 on a
    /// log scale by its number of own days (an empirical-Bayes estimate of a scale parameter); the fleet value when it
    /// has too few days of its own or the fleet has no spread to compare with.
    /// </summary>
    public double ScaleFor(OwnScores own)
    {
        ArgumentNullException.ThrowIfNull(own);
        return Scale * SpreadRatio(own);
    }

    /// <summary>The shrunk ratio of a container's spread to the fleet's: 1 for the fleet value.</summary>
    public double SpreadRatio(OwnScores own)
    {
        ArgumentNullException.ThrowIfNull(own);
        if (Spread <= 0 || own.Days < CalibrationConstants.MinBaseDays)
        {
            return 1;
        }

        // Own evidence only widens: on both real traces of docs/benchmarks.md a calm history did not predict a calm next
        // day (the excess over the peak has a Pareto-like tail), and narrowing calm containers raised the OOM rate.
        var ratio = Math.Max(own.Spread / Spread, 1);
        var weight = own.Days / (own.Days + CalibrationConstants.OwnDaysPrior);
        return Math.Exp(weight * Math.Log(ratio));
    }
}
