using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Calibration;

/// <summary>The ways calibration is known to fail, one scenario each, and the evidence it reports.</summary>
public sealed class FleetCalibratorTests
{
    private static readonly RecommendationSettings Settings = RecommendationSettings.Default;

    private static List<ContainerHistory> Wandering(int count, double days, double rolloutDay = double.PositiveInfinity) =>
        [.. Enumerable.Range(0, count).Select(i => Scenarios.History("svc/" + i, Scenarios.Wandering(days, seed: i, rolloutDay)))];

    private static FleetCalibration Calibrate(IReadOnlyList<ContainerHistory> fleet) =>
        FleetCalibrator.Calibrate(fleet, Settings, guaranteed: false, Traces.AsOf);

    [Test]
    public void Calibrate_LargeFleet_FitsTheQuantileAndMostlyFollowsTheData()
    {
        var calibration = Calibrate(Wandering(200, 14));

        Assert.Multiple(() =>
        {
            Assert.That(calibration.Limit.Fitted, Is.Not.Null);
            Assert.That(calibration.Limit.DataWeight, Is.GreaterThan(0.8), "about 2,000 container-days at 1%: 20 expected exceedances");
            Assert.That(calibration.Limit.TargetRisk, Is.EqualTo(0.01));
            Assert.That(calibration.Request.TargetRisk, Is.EqualTo(0.05));
        });
    }

    [Test]
    public void Calibrate_IntermittentContainersRestartingAfterAGap_FleetScaleUnmoved()
    {
        var steady = Wandering(60, 14);
        var restarts = Enumerable.Range(0, 15).Select(i => Scenarios.History("task/" + i, Scenarios.RestartAfterGap(14, restartDay: 10, seed: i)));

        var alone = Calibrate(steady);
        var mixed = Calibrate([.. steady, .. restarts]);

        Assert.That(mixed.Limit.Scale, Is.EqualTo(alone.Limit.Scale).Within(20).Percent, "a 30x restart peak must not explode everyone's headroom");
    }

    [Test]
    public void Calibrate_SmallFleetOfADozenForAWeek_FallsBackToThePriorNotToZero()
    {
        var calibration = Calibrate(Wandering(12, 7));

        Assert.Multiple(() =>
        {
            Assert.That(calibration.Limit.ContainerDays, Is.LessThan(99), "fewer than 1/risk - 1 days: no 1% quantile");
            Assert.That(calibration.Limit.Fitted, Is.Null);
            Assert.That(calibration.Limit.Scale, Is.EqualTo(Settings.LimitHeadroomScale), "the prior, today's headroom");
        });
    }

    [Test]
    public void Calibrate_RolloutDoublingTheFleet_RolloutDayIsNotATailSample()
    {
        var before = Calibrate(Wandering(80, 14));
        var rollout = Calibrate(Wandering(80, 14, rolloutDay: 11.5));

        // Counted as tail samples, the rollout day's scores ((800 - 400) / √400 = 20 for a tenth of the container-days)
        // would lift the scale to about 16; left out, only the short new-regime bases of the days after it remain.
        Assert.That(rollout.Limit.Scale, Is.LessThan(2 * before.Limit.Scale));
    }

    [Test]
    public void Calibrate_NeverBelowTheFloor()
    {
        var flat = Enumerable.Range(0, 200).Select(i => Scenarios.History("flat/" + i, Scenarios.FlatSmall(14, seed: i))).ToList();

        var calibration = Calibrate(flat);

        Assert.That(calibration.Limit.Scale, Is.GreaterThanOrEqualTo(CalibrationConstants.FloorShareOfPrior * Settings.LimitHeadroomScale));
    }

    [Test]
    public void Calibrate_BacktestFedOneContainerAtATime_SameAsTheFleetAtOnce()
    {
        var fleet = Wandering(120, 14);
        var backtest = new FleetBacktest(Settings, guaranteed: false, Traces.AsOf);
        foreach (var history in fleet)
        {
            backtest.Add(history.Usage.Span);
        }

        var streamed = FleetCalibrator.Calibrate(backtest, Settings, guaranteed: false);
        var atOnce = Calibrate(fleet);

        // The same scores in a different order: sums agree to rounding, histogram bins exactly.
        Assert.Multiple(() =>
        {
            Assert.That(streamed.Limit.Scale, Is.EqualTo(atOnce.Limit.Scale).Within(1e-9).Percent);
            Assert.That(streamed.Limit.ContainerDays, Is.EqualTo(atOnce.Limit.ContainerDays).Within(1e-9).Percent);
            Assert.That(streamed.Request.Scale, Is.EqualTo(atOnce.Request.Scale).Within(1e-9).Percent);
            Assert.That(streamed.Request.Spread, Is.EqualTo(atOnce.Request.Spread).Within(1e-9).Percent);
            Assert.That(streamed.Request.ContainerDays, Is.EqualTo(atOnce.Request.ContainerDays).Within(1e-9).Percent);
        });
    }
}
