namespace RightSizer.Recommender.Estimation;

/// <summary>The two day classes of a business week, in UTC: weekdays (Monday to Friday) and the weekend (Saturday and Sunday).</summary>
public static class WeeklyDayClass
{
    /// <returns>True for a time on a Saturday or a Sunday, UTC.</returns>
    public static bool IsWeekend(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <returns>"weekday" or "weekend", for reasons.</returns>
    public static string Name(long unixSeconds) => IsWeekend(unixSeconds) ? "weekend" : "weekday";
}
