using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Benchmark;

/// <summary>The synthetic scenario suite: one generator per behaviour (<see cref="Scenarios"/>), each expected outcome asserted.</summary>
public sealed class ScenarioSuiteTests
{
    private static readonly RecommendationEngine Engine = new();

    // Twelve hours of scrapes: a policy that sizes young workloads asks for no more.
    private static readonly RecommendationSettings Young = RecommendationSettings.Default with { MinSamples = 144 };

    private static Recommendation Recommend(Sample[] samples, RecommendationSettings? settings = null) =>
        Engine.Recommend(Scenarios.History("scenario", samples), settings ?? RecommendationSettings.Default, Traces.AsOf);

    private static Sample[] After(Sample[] samples, double days) =>
        [.. samples.Where(s => s.Timestamp >= Traces.End && s.Timestamp < Traces.End + (long)(days * Traces.Day))];

    private static readonly TestCaseData[] Growing =
    [
        new TestCaseData(0.10).SetName("Recommend_YoungGrowing10PercentADay_UnderTheRequest90PercentOfTheNextDay"),
        new TestCaseData(0.20).SetName("Recommend_YoungGrowing20PercentADay_UnderTheRequest90PercentOfTheNextDay"),
    ];

    [TestCaseSource(nameof(Growing))]
    public void Recommend_YoungGrowing(double ratePerDay)
    {
        var samples = Scenarios.YoungGrowing(ratePerDay, days: 0.5, seed: 1, futureDays: 1);

        var recommendation = Recommend(samples, Young);

        var nextDay = After(samples, 1);
        var under = nextDay.Count(s => s.Value <= recommendation.Request!.Value.Bytes) / (double)nextDay.Length;
        Assert.Multiple(() =>
        {
            Assert.That(under, Is.GreaterThanOrEqualTo(0.90), "share of the next day's samples under the request");
            Assert.That(nextDay.Max(s => s.Value), Is.LessThanOrEqualTo(recommendation.Limit!.Value.Bytes), "no OOM the next day");
            Assert.That(recommendation.Reasons.Select(r => r.Code), Does.Contain(ReasonCode.YoungGrowth));
        });
    }

    [Test]
    public void Recommend_SlowLeakOverWeeks_LimitCoversTheGrowthHorizon()
    {
        var recommendation = Recommend(Scenarios.SlowLeak(21, seed: 2));

        // The leak reaches 300 + 5 × 21 = 405 MiB now and 440 MiB at the 7-day horizon, ±2%.
        Assert.Multiple(() =>
        {
            Assert.That(recommendation.Trend!.Significant, Is.True);
            Assert.That(recommendation.Limit!.Value.Bytes / Traces.MiB, Is.GreaterThanOrEqualTo(440 * 1.02));
        });
    }

    [Test]
    public void Recommend_DailyBatchTwoHoursADay_SizedFromItsRunsAndSaysIntermittent()
    {
        var recommendation = Recommend(Scenarios.DailyBatch(14, seed: 3));

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.HasValue, Is.True, "14 runs of 2 h are 28 h of running time, more than minSamples");
            Assert.That(recommendation.Request!.Value.Bytes / Traces.MiB, Is.GreaterThanOrEqualTo(500), "gaps are not read as zero");
            Assert.That(recommendation.Reasons.Select(r => r.Code), Does.Contain(ReasonCode.IntermittentHistory));
            Assert.That(recommendation.Confidence, Is.EqualTo(1).Within(0.02), "14 runs are more than the 7 trusted runs; the first starts at 02:00");
        });
    }

    [Test]
    public void Recommend_DailyBatchThreeRuns_SizedBeforeADayOfRunningTime()
    {
        var recommendation = Recommend(Scenarios.DailyBatch(3, seed: 4));

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.HasValue, Is.True, "three runs are enough although 6 h < minSamples' 24 h");
            Assert.That(recommendation.Confidence, Is.LessThan(0.5), "3 runs of 7, over 3 of 14 days");
        });
    }

    [Test]
    public void Recommend_StepChangeAfterDeploy_SizedToTheNewLevel()
    {
        var recommendation = Recommend(Scenarios.StepAfterDeploy(14, stepDay: 10, seed: 5));

        Assert.That(recommendation.Request!.Value.Bytes / Traces.MiB, Is.InRange(600.0, 700.0));
    }

    [Test]
    public void Recommend_YoungStepChange_LevelShiftNotGrowth()
    {
        var recommendation = Recommend(Scenarios.StepAfterDeploy(0.5, stepDay: 0.25, seed: 6), Young);

        var codes = recommendation.Reasons.Select(r => r.Code).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(codes, Does.Not.Contain(ReasonCode.YoungGrowth));
            Assert.That(codes, Does.Contain(ReasonCode.LevelShift));
            Assert.That(recommendation.Request!.Value.Bytes / Traces.MiB, Is.InRange(600.0, 700.0), "the new level");
        });
    }

    private static readonly TestCaseData[] ShortCycles =
    [
        new TestCaseData(1.5).SetName("Recommend_DailyCycleSeenOneAndAHalfPeriods_NoGrowth"),
        new TestCaseData(1.9).SetName("Recommend_DailyCycleSeenAlmostTwoPeriods_NoGrowth"),
    ];

    [TestCaseSource(nameof(ShortCycles))]
    public void Recommend_DailyCycleSeenForLessThanTwoPeriods(double days)
    {
        var recommendation = Recommend(Scenarios.DailyCycle(days, seed: 7), Young);

        Assert.That(recommendation.Reasons.Select(r => r.Code), Does.Not.Contain(ReasonCode.YoungGrowth));
    }

    [Test]
    public void Recommend_FlatSmallServicesCalibratedOnTheirFleet_LimitWithin25PercentOfThePeak()
    {
        var fleet = Enumerable.Range(0, 200).Select(i => Scenarios.History("flat/" + i, Scenarios.FlatSmall(14, seed: i))).ToList();
        var settings = RecommendationSettings.Default with
        {
            Calibration = FleetCalibrator.Calibrate(fleet, RecommendationSettings.Default, guaranteed: false, Traces.AsOf),
        };

        foreach (var history in fleet.Take(5))
        {
            var recommendation = Engine.Recommend(history, settings, Traces.AsOf);
            var peak = history.Usage.ToArray().Max(s => s.Value);
            Assert.That(recommendation.Limit!.Value.Bytes, Is.LessThanOrEqualTo(1.25 * peak).And.GreaterThanOrEqualTo(peak), history.Key.Id);
        }
    }

    [Test]
    public void Recommend_JvmSawtooth_LimitAboveEveryTooth()
    {
        var samples = Scenarios.JvmSawtooth(14, seed: 8, futureDays: 1);

        var recommendation = Recommend(samples);

        Assert.That(After(samples, 1).Max(s => s.Value), Is.LessThan(recommendation.Limit!.Value.Bytes));
    }

    [Test]
    public void Recommend_HeavyTailedSpikes_RequestIgnoresThemLimitCoversTheLargestSeen()
    {
        var samples = Scenarios.HeavyTailedSpikes(14, seed: 9);

        var recommendation = Recommend(samples);

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.Request!.Value.Bytes / Traces.MiB, Is.LessThan(600), "p90 of 500 ± 2% plus headroom");
            Assert.That(recommendation.Limit!.Value.Bytes, Is.GreaterThan(samples.Max(s => s.Value)));
        });
    }

    [Test]
    public void Recommend_WeeklyCycleOnAWeekday_LimitStillCoversTheWeekend()
    {
        var recommendation = Recommend(Scenarios.WeeklyCycle(14, seed: 10));

        Assert.That(recommendation.Limit!.Value.Bytes / Traces.MiB, Is.GreaterThan(800 * 1.02));
    }
}
