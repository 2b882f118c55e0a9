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
        new TestCaseData("1970-01-01T00:00:00Z", false).SetName("IsWeekend_Epoch_Thursday"),
        new TestCaseData("1969-12-28T12:00:00Z", true).SetName("IsWeekend_SundayBeforeEpoch_Weekend"),
        new TestCaseData("1969-12-31T23:59:59Z", false).SetName("IsWeekend_LastSecondBeforeEpoch_Wednesday"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void IsWeekend_Table(string time, bool weekend) =>
        Assert.That(WeeklyDayClass.IsWeekend(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()), Is.EqualTo(weekend));

    [Test]
    public void IsWeekend_EveryHourOfTwoYears_AgreesWithCalendar()
    {
        var start = DateTimeOffset.Parse("2012-12-31T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        for (var hour = 0; hour < 2 * 366 * 24; hour += 7)
        {
            var time = start.AddHours(hour);
            var expected = time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            Assert.That(WeeklyDayClass.IsWeekend(time.ToUnixTimeSeconds()), Is.EqualTo(expected), time.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
