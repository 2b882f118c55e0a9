namespace RightSizer.Recommender.Estimation;

/// <summary>
/// The two day classes of a business week, in UTC: weekdays (Monday to Friday) and the weekend (Saturday and Sunday).
/// Plain arithmetic on Unix seconds, so the hot loops that test every sample stay allocation-free.
/// </summary>
public static class WeeklyDayClass
{
    private const long SecondsPerDay = 86_400;

    // 1970-01-01 was a Thursday: day 0 is weekday index 4 when Sunday is 0.
    private const long EpochWeekday = 4;

    /// <returns>True for a time on a Saturday or a Sunday, UTC.</returns>
    public static bool IsWeekend(long unixSeconds)
    {
        var day = Math.DivRem(unixSeconds, SecondsPerDay, out var rest) - (rest < 0 ? 1 : 0);
        var weekday = (((day + EpochWeekday) % 7) + 7) % 7;
        return weekday is 0 or 6;
    }

    /// <returns>"weekday" or "weekend", for reasons.</returns>
    public static string Name(long unixSeconds) => IsWeekend(unixSeconds) ? "weekend" : "weekday";
}
