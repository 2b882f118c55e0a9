using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Calibration;

/// <summary>
/// Calibrates one policy's headroom on its fleet by backtesting every container over its own recent days
/// (<see cref="LimitBacktest"/>, <see cref="RequestBacktest"/>): split-conformal calibration of a quantile, with days
/// weighted by age, fleet-wide regime-change days and intermittent
/// containers left out, the quantile blended with the prior by the evidence, and a floor (docs/recommender.md).
/// </summary>
public static class FleetCalibrator
{
    private const long Day = 86_400;

    /// <param name="fleet">The policy's containers; at most <see cref="CalibrationConstants.MaxFleetSample"/>, evenly spaced, are backtested.</param>
    /// <param name="guaranteed">Whether the policy sizes Guaranteed pods (its OOM risk and limit margin).</param>
    public static FleetCalibration Calibrate(IReadOnlyList<ContainerHistory> fleet, RecommendationSettings settings, bool guaranteed, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var backtest = new FleetBacktest(settings, guaranteed, asOf);
        var stride = Math.Max(1, (fleet.Count + CalibrationConstants.MaxFleetSample - 1) / CalibrationConstants.MaxFleetSample);
        Parallel.For(0, (fleet.Count + stride - 1) / stride, index => backtest.Add(fleet[index * stride].Usage.Span));
        return Calibrate(backtest, settings, guaranteed);
    }

    /// <summary>The calibration from a fleet's accumulated backtest scores.</summary>
    public static FleetCalibration Calibrate(FleetBacktest backtest, RecommendationSettings settings, bool guaranteed)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        ArgumentNullException.ThrowIfNull(settings);
        var regimeChanges = RegimeChangeDays(backtest.LimitScores);
        var limitRisk = settings.OomRisk ?? (guaranteed ? Api.V1alpha1.MemoryPolicyDefaults.GuaranteedOomRisk : Api.V1alpha1.MemoryPolicyDefaults.OomRisk);
        return new FleetCalibration(
            CalibrateLimit(backtest.LimitScores, regimeChanges, limitRisk, settings.LimitHeadroomScale),
            CalibrateRequest(backtest, regimeChanges, settings.OverRequestRisk, settings.RequestHeadroomScale));
    }

    /// <summary>The weight of a backtest day of the given age in days (0 = the last 24 hours).</summary>
    public static double DayWeight(double age) => Math.Pow(2, -age / CalibrationConstants.DayHalfLife);

    private static HashSet<int> RegimeChangeDays(IReadOnlyList<BacktestScore[]> all)
    {
        var scored = new Dictionary<int, (int Scored, int Exceeded)>();
        foreach (var score in all.SelectMany(c => c))
        {
            var (n, e) = scored.GetValueOrDefault(score.Day);
            scored[score.Day] = (n + 1, e + (score.Value > 0 ? 1 : 0));
        }

        // Five containers at least: in a fleet of three, two exceeding on one day is chance, not a rollout.
        return [.. scored.Where(d => d.Value.Scored >= 5 && d.Value.Exceeded > CalibrationConstants.RegimeChangeShare * d.Value.Scored).Select(d => d.Key)];
    }

    private static RiskCalibration CalibrateLimit(IReadOnlyList<BacktestScore[]> all, HashSet<int> excluded, double risk, double prior)
    {
        var (squared, weights) = (0.0, 0.0);
        for (var c = 0; c < all.Count; c++)
        {
            foreach (var score in all[c])
            {
                if (!excluded.Contains(score.Day))
                {
                    var weight = DayWeight(score.Day);
                    var p = Math.Max(score.Value, 0);
                    squared += weight * p * p;
                    weights += weight;
                }
            }
        }

        var provisional = new RiskCalibration(risk, prior, null, prior, 0, 0, weights > 0 ? Math.Sqrt(squared / weights) : 0);
        var histogram = new ScoreHistogram();
        for (var c = 0; c < all.Count; c++)
        {
            foreach (var score in all[c])
            {
                if (!excluded.Contains(score.Day))
                {
                    histogram.Add(score.Value, DayWeight(score.Day));
                }
            }
        }

        return Blend(provisional, histogram.ConformalQuantile(1 - risk, DayWeight(0)), EffectiveDays(histogram.TotalWeight, histogram.SquaredWeight));
    }

    private static RiskCalibration CalibrateRequest(FleetBacktest backtest, HashSet<int> excluded, double risk, double prior)
    {
        // Each container-day weighs its age weight in all, spread over its samples, so evidence counts days, not scrapes.
        var (squared, weights, dayWeights, daySquares) = (0.0, 0.0, 0.0, 0.0);
        var histogram = new ScoreHistogram();
        for (var day = 1; day <= CalibrationConstants.RequestDays; day++)
        {
            var containers = backtest.RequestContainers(day);
            if (containers == 0 || excluded.Contains(day - 1))
            {
                continue;
            }

            var weight = DayWeight(day - 1);
            squared += weight * backtest.RequestSquares(day);
            weights += weight * containers;
            dayWeights += weight * containers;
            daySquares += weight * weight * containers;
            histogram.Add(backtest.RequestScores(day), weight);
        }

        var provisional = new RiskCalibration(risk, prior, null, prior, 0, 0, weights > 0 ? Math.Sqrt(squared / weights) : 0);
        var testWeight = histogram.TotalWeight > 0 ? DayWeight(0) / (Day / 300.0) : 0;
        return Blend(provisional, histogram.ConformalQuantile(1 - risk, testWeight), EffectiveDays(dayWeights, daySquares));
    }

    private static double EffectiveDays(double weights, double squares) => squares > 0 ? weights * weights / squares : 0;

    // Geometric blend of the fitted quantile and the prior: a scale is multiplicative, and a flat fleet's near-zero
    // quantile should pull the prior down by orders of magnitude once the evidence is there, not by a fixed amount.
    private static RiskCalibration Blend(RiskCalibration provisional, double? fitted, double containerDays)
    {
        var prior = provisional.PriorScale;
        var floor = CalibrationConstants.FloorShareOfPrior * prior;
        if (fitted is not { } quantile || prior <= 0)
        {
            return provisional with { Fitted = fitted, ContainerDays = containerDays, Scale = Math.Max(prior, 0) };
        }

        var evidence = containerDays * provisional.TargetRisk;
        var weight = evidence / (evidence + CalibrationConstants.PriorExceedances);
        var scale = Math.Exp((weight * Math.Log(Math.Max(quantile, floor))) + ((1 - weight) * Math.Log(prior)));
        return provisional with { Fitted = quantile, DataWeight = weight, ContainerDays = containerDays, Scale = Math.Max(scale, floor) };
    }
}
