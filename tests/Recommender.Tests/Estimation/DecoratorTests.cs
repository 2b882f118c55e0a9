using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Tests.Estimation;

public sealed class DecoratorTests
{
    private static readonly IMemoryEstimator Peak = new PeakMemoryEstimator();

    private static EstimationInput Input(OomKill[]? kills = null, TrendEstimate? trend = null) =>
        new(Traces.Constant(400), Traces.End, kills ?? [], trend);

    // Each row: the estimator over a flat 400 Mi, the expected MiB, and the expected text.
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(Peak, Input(), 400.0, "peak 400Mi").SetName("Estimate_Peak_TheFlatValue"),
        new TestCaseData(new MarginDecorator(Peak, 0.25), Input(), 500.0, "peak 400Mi (+25%)").SetName("Estimate_Margin_AddsShare"),
        new TestCaseData(new MarginDecorator(Peak, 0), Input(), 400.0, "peak 400Mi").SetName("Estimate_ZeroMargin_Unchanged"),
        // √400 = 20: scale 10 adds 200 Mi; from the base, not from the margin-raised value.
        new TestCaseData(new HeadroomDecorator(new MarginDecorator(Peak, 0.25), 10, widenPerKill: false), Input(), 700.0, "peak 400Mi (+25%) + headroom 200Mi").SetName("Estimate_Headroom_SquareRootOfBase"),
        // Each kill adds twice the headroom: two kills make it 1 + 2 × 2 = 5 times wider, 1000 Mi.
        new TestCaseData(new HeadroomDecorator(Peak, 10, widenPerKill: true), Input([new OomKill(1, null), new OomKill(2, null)]), 1400.0, "peak 400Mi + headroom 1000Mi").SetName("Estimate_HeadroomAfterTwoKills_FiveTimesWider"),
        new TestCaseData(new HeadroomDecorator(Peak, 10, widenPerKill: false), Input([new OomKill(1, null)]), 600.0, "peak 400Mi + headroom 200Mi").SetName("Estimate_RequestHeadroom_KillsIgnored"),
        new TestCaseData(new TrendFloorDecorator(Peak), Input(trend: new TrendEstimate(40 * Memory.MiB, true, Memory.FromMiB(680), TimeSpan.FromDays(7))), 680.0, "peak 400Mi").SetName("Estimate_SignificantGrowth_RaisedToProjection"),
        new TestCaseData(new TrendFloorDecorator(Peak), Input(trend: new TrendEstimate(40 * Memory.MiB, false, Memory.FromMiB(680), TimeSpan.FromDays(7))), 400.0, "peak 400Mi").SetName("Estimate_InsignificantGrowth_Unchanged"),
        new TestCaseData(new OomFloorDecorator(Peak), Input([new OomKill(1, Memory.FromMiB(500))]), 600.0, "peak 400Mi").SetName("Estimate_KillAtHigherLimit_RaisedToBump"),
        new TestCaseData(new OomFloorDecorator(Peak), Input([new OomKill(1, Memory.FromMiB(100))]), 400.0, "peak 400Mi").SetName("Estimate_KillAtLowerLimit_Unchanged"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Estimate_Table(IMemoryEstimator estimator, EstimationInput input, double expectedMib, string text)
    {
        var estimate = estimator.Estimate(input);

        Assert.Multiple(() =>
        {
            Assert.That(estimate.Bytes / Traces.MiB, Is.EqualTo(expectedMib).Within(0.001));
            Assert.That(estimate.Text, Is.EqualTo(text));
            Assert.That(estimate.Basis / Traces.MiB, Is.EqualTo(400).Within(0.001), "the base value survives decoration");
        });
    }

    [Test]
    public void Estimate_FloorsRaise_SayWhyInNotes()
    {
        var trend = new TrendEstimate(40 * Memory.MiB, true, Memory.FromMiB(680), TimeSpan.FromDays(7));
        var estimator = new OomFloorDecorator(new TrendFloorDecorator(Peak));

        var estimate = estimator.Estimate(Input([new OomKill(1, Memory.FromMiB(1000))], trend));

        Assert.Multiple(() =>
        {
            Assert.That(estimate.Bytes / Traces.MiB, Is.EqualTo(1200).Within(0.001));
            Assert.That(estimate.Notes, Is.EqualTo(new[]
            {
                new Reason(ReasonCode.Trend, "trend: +40Mi/day, projected 680Mi at 7d; limit raised to cover it"),
                new Reason(ReasonCode.OomBump, "oom-bump: 1 kill(s) in window, last at limit 1000Mi; headroom x3; limit raised to 1.2Gi"),
            }));
        });
    }
}
