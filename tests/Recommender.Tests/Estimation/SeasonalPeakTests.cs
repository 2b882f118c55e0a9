using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Estimation;

public sealed class SeasonalPeakTests
{
    // Traces.AsOf is a Thursday, 2026-01-15: the last 14 days hold two weekends (Jan 3-4 and Jan 10-11).
    private static readonly long Thursday = Traces.End;
    private static readonly long Saturday = Traces.End + (2 * Traces.Day);

    /// <summary>400 Mi on weekdays, 900 Mi on weekend days, 600 Mi on the Tuesday before the decision.</summary>
    private static Sample[] WeekendBackups() =>
        [.. Traces.Constant(400).Select(s => s with { Value = WeekendBackupsMib(s.Timestamp) * Traces.MiB })];

    private static double WeekendBackupsMib(long timestamp) =>
        WeeklyDayClass.IsWeekend(timestamp) ? 900
        : timestamp >= Thursday - (2 * Traces.Day) && timestamp < Thursday - Traces.Day ? 600
        : 400;

    // Each row: the decision time, the expected peak in MiB (null: no sample of that class).
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(Thursday, WeekendBackups(), (double?)600).SetName("Peak_WeekdayDecision_WeekendSpikesLeftOut"),
        new TestCaseData(Saturday, WeekendBackups(), (double?)900).SetName("Peak_WeekendDecision_WeekendPeak"),
        new TestCaseData(Saturday, Traces.Constant(400, days: 3), (double?)null).SetName("Peak_NoDayOfTheClass_Null"),
        new TestCaseData(Thursday, Array.Empty<Sample>(), (double?)null).SetName("Peak_Empty_Null"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Peak_Table(long asOf, Sample[] samples, double? expectedMib) =>
        Assert.That(SeasonalPeak.Peak(samples, asOf)?.Value / Traces.MiB, Is.EqualTo(expectedMib));

    // Each row: the decision time, the seasonality, the expected MiB and text.
    private static readonly TestCaseData[] EstimatorCases =
    [
        new TestCaseData(Thursday, Seasonality.None, WeekendBackups(), 900.0, "peak 900Mi").SetName("Estimate_NoSeasonality_WholeWindowPeak"),
        new TestCaseData(Thursday, Seasonality.Weekly, WeekendBackups(), 600.0, "weekday peak 600Mi").SetName("Estimate_WeeklyOnWeekday_WeekdayPeak"),
        new TestCaseData(Saturday, Seasonality.Weekly, WeekendBackups(), 900.0, "weekend peak 900Mi").SetName("Estimate_WeeklyOnWeekend_WeekendPeak"),
        new TestCaseData(Saturday, Seasonality.Weekly, Traces.Constant(400, days: 3), 400.0, "peak 400Mi (no weekend in the window yet)").SetName("Estimate_WeeklyWithoutDayOfTheClass_WholeWindowPeak"),
    ];

    [TestCaseSource(nameof(EstimatorCases))]
    public void Estimate_Table(long asOf, Seasonality seasonality, Sample[] samples, double expectedMib, string text)
    {
        var estimate = new PeakMemoryEstimator(seasonality).Estimate(new EstimationInput(samples, asOf, [], null));

        Assert.Multiple(() =>
        {
            Assert.That(estimate.Bytes / Traces.MiB, Is.EqualTo(expectedMib).Within(0.5));
            Assert.That(estimate.Text, Is.EqualTo(text));
        });
    }
}
