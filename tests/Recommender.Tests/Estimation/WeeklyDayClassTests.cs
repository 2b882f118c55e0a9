using RightSizer.Recommender.Estimation;

namespace RightSizer.Recommender.Tests.Estimation;

public sealed class WeeklyDayClassTests
{
    // Each row: a time and whether it falls on a Saturday or a Sunday, UTC.
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData("2026-01-16T23:59:59Z", false).SetName("IsWeekend_FridayLastSecond_Weekday"),
        new TestCaseData("2026-01-17T00:00:00Z", true).SetName("IsWeekend_SaturdayMidnight_Weekend"),
        new TestCaseData("2026-01-18T23:59:59Z", true).SetName("IsWeekend_SundayLastSecond_Weekend"),
        new TestCaseData("2026-01-19T00:00:00Z", false).SetName("IsWeekend_MondayMidnight_Weekday"),
        new TestCaseData("2013-08-10T12:00:00Z", true).SetName("IsWeekend_SaturdayInTheDevTrace_Weekend"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void IsWeekend_Table(string time, bool weekend) =>
        Assert.That(WeeklyDayClass.IsWeekend(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()), Is.EqualTo(weekend));
}
