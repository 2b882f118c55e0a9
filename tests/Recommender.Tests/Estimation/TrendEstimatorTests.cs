using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Estimation;

public sealed class TrendEstimatorTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(7);

    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(Traces.Noisy(Traces.Constant(500)), false, 0.0, 3.0).SetName("Estimate_Constant_NoTrend"),
        new TestCaseData(Traces.Noisy(Traces.DailyCycle(500, 200)), false, 0.0, 3.0).SetName("Estimate_DailyCycle_NoTrend"),
        new TestCaseData(Traces.Noisy(Traces.Leak(300, 40)), true, 40.0, 2.0).SetName("Estimate_SlowLeak_SignificantTrueSlope"),
        new TestCaseData(Traces.WithSpike(Traces.Noisy(Traces.Constant(500)), 7, 4000), false, 0.0, 3.0).SetName("Estimate_OneSpike_NoTrend"),
        new TestCaseData(Traces.WithSpike(Traces.Noisy(Traces.Leak(300, 40)), 3, 4000), true, 40.0, 2.0).SetName("Estimate_LeakWithEarlySpike_SpikeIgnored"),
        new TestCaseData(Traces.WithGaps(Traces.Noisy(Traces.Leak(300, 40))), true, 40.0, 2.0).SetName("Estimate_LeakWithGaps_StillFound"),
        new TestCaseData(Traces.Noisy(Traces.Leak(900, -30)), true, -30.0, 2.0).SetName("Estimate_Shrinking_SignificantNegative"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Estimate_Table(Sample[] samples, bool significant, double slopeMibPerDay, double toleranceMib)
    {
        var trend = TrendEstimator.Estimate(samples, Traces.End, Horizon);

        Assert.That(trend, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(trend!.Significant, Is.EqualTo(significant));
            Assert.That(trend.SlopeBytesPerDay / Traces.MiB, Is.EqualTo(slopeMibPerDay).Within(toleranceMib));
            Assert.That(trend.Horizon, Is.EqualTo(Horizon));
        });
    }

    [Test]
    public void Estimate_Leak_ProjectsRecentPeakPlusGrowthOverHorizon()
    {
        var samples = Traces.Leak(300, 40);

        var trend = TrendEstimator.Estimate(samples, Traces.End, Horizon)!;

        // The last day peaks at 300 + 40 × 14 = 860 Mi; seven more days of 40 Mi/day add 280 Mi.
        Assert.That(trend.ProjectedPeak.Bytes / Traces.MiB, Is.EqualTo(860 + 280).Within(1));
    }

    [Test]
    public void Estimate_NoGrowth_ProjectsTheRecentPeak()
    {
        var trend = TrendEstimator.Estimate(Traces.Constant(500), Traces.End, Horizon)!;

        Assert.That(trend.ProjectedPeak.Bytes / Traces.MiB, Is.EqualTo(500).Within(0.01));
    }

    // 2.5 days touch three 24-hour periods: one short of the four a slope needs.
    [TestCase(1.0)]
    [TestCase(2.5)]
    public void Estimate_FewerThanFourDays_Null(double days) =>
        Assert.That(TrendEstimator.Estimate(Traces.Leak(300, 40, days), Traces.End, Horizon), Is.Null);
}
