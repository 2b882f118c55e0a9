using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Estimation;

public sealed class DecayedPercentileTests
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(Traces.Constant(500), 24.0, 95.0, 500.0, 0.001).SetName("Estimate_Constant_TheConstant"),
        // After a step from 200 to 800 Mi two days ago, a 24h half-life gives the last two days 75% of the weight.
        new TestCaseData(Traces.Step(200, 800, 12), 24.0, 50.0, 800.0, 0.001).SetName("Estimate_RecentStepUp_MedianFollowsNewLevel"),
        // With a 30-day half-life the 12 old days keep most of the weight, so the median stays at the old level.
        new TestCaseData(Traces.Step(200, 800, 12), 720.0, 50.0, 200.0, 0.001).SetName("Estimate_LongHalfLife_MedianKeepsOldLevel"),
        new TestCaseData(Traces.DailyCycle(500, 100), 24.0, 100.0, 600.0, 0.5).SetName("Estimate_DailyCyclePercentile100_TopOfCycle"),
        new TestCaseData(Traces.DailyCycle(500, 100), 720.0, 50.0, 500.0, 5.0).SetName("Estimate_DailyCycleMedianLongHalfLife_MiddleOfCycle"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Estimate_Table(Sample[] samples, double halfLifeHours, double percentile, double expectedMib, double toleranceMib) =>
        Assert.That(
            DecayedPercentile.Estimate(samples, Traces.End, TimeSpan.FromHours(halfLifeHours), percentile) / Traces.MiB,
            Is.EqualTo(expectedMib).Within(toleranceMib));

    [Test]
    public void Estimate_SingleSample_ThatSample() =>
        Assert.That(DecayedPercentile.Estimate([new Sample(Traces.End - 60, 42)], Traces.End, TimeSpan.FromHours(24), 95), Is.EqualTo(42));

    [Test]
    public void Estimate_ZeroHalfLife_Throws() =>
        Assert.That(() => DecayedPercentile.Estimate(Traces.Constant(1), Traces.End, TimeSpan.Zero, 95), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
