using RightSizer.Api.Units;

namespace RightSizer.Api.Tests.Units;

public sealed class PromDurationTests
{
    private static readonly TestCaseData[] ParseCases =
    [
        new TestCaseData("14d", TimeSpan.FromDays(14)).SetName("Parse_Days_Days"),
        new TestCaseData("48h", TimeSpan.FromHours(48)).SetName("Parse_Hours_Hours"),
        new TestCaseData("1h30m", TimeSpan.FromMinutes(90)).SetName("Parse_HoursAndMinutes_Sum"),
        new TestCaseData("90s", TimeSpan.FromSeconds(90)).SetName("Parse_Seconds_Seconds"),
        new TestCaseData("500ms", TimeSpan.FromMilliseconds(500)).SetName("Parse_Milliseconds_NotMinutes"),
        new TestCaseData("1m500ms", TimeSpan.FromMilliseconds(60_500)).SetName("Parse_MinutesThenMilliseconds_Sum"),
        new TestCaseData("1w", TimeSpan.FromDays(7)).SetName("Parse_Week_SevenDays"),
        new TestCaseData("1y", TimeSpan.FromDays(365)).SetName("Parse_Year_365Days"),
        new TestCaseData("1y2w3d4h5m6s7ms", new TimeSpan(365 + 14 + 3, 4, 5, 6, 7)).SetName("Parse_EveryUnitInOrder_Sum"),
        new TestCaseData("0s", TimeSpan.Zero).SetName("Parse_ZeroSeconds_Zero"),
    ];

    [TestCaseSource(nameof(ParseCases))]
    public void Parse_Duration_Span(string text, TimeSpan expected) =>
        Assert.That(PromDuration.Parse(text), Is.EqualTo(expected));

    private static readonly TestCaseData[] InvalidCases =
    [
        new TestCaseData("", "duration is empty").SetName("Parse_Empty_Rejected"),
        new TestCaseData("soon", "\"soon\" is not a duration (expected e.g. 14d, 48h or 1h30m)").SetName("Parse_Word_Rejected"),
        new TestCaseData("14", "\"14\" has no valid unit after 14 (use y, w, d, h, m, s or ms)").SetName("Parse_NoUnit_Rejected"),
        new TestCaseData("1m1h", "\"1m1h\" repeats a unit or lists units out of order (largest first, e.g. 1d12h)").SetName("Parse_UnitsOutOfOrder_Rejected"),
        new TestCaseData("1h1h", "\"1h1h\" repeats a unit or lists units out of order (largest first, e.g. 1d12h)").SetName("Parse_RepeatedUnit_Rejected"),
        new TestCaseData("1.5h", "\"1.5h\" has no valid unit after 1 (use y, w, d, h, m, s or ms)").SetName("Parse_Fraction_Rejected"),
        new TestCaseData(" 14d", "\" 14d\" is not a duration (expected e.g. 14d, 48h or 1h30m)").SetName("Parse_LeadingSpace_RejectedAsThePatternDoes"),
        new TestCaseData("99999999999999999d", "\"99999999999999999d\" is too long a duration").SetName("Parse_BeyondTimeSpan_RejectedNotOverflow"),
    ];

    [TestCaseSource(nameof(InvalidCases))]
    public void Parse_Invalid_FormatExceptionSaysWhy(string text, string message) =>
        Assert.That(() => PromDuration.Parse(text), Throws.TypeOf<FormatException>().With.Message.EqualTo(message));

    private static readonly TestCaseData[] FormatCases =
    [
        new TestCaseData(TimeSpan.Zero, "0s").SetName("Format_Zero_ZeroSeconds"),
        new TestCaseData(TimeSpan.FromDays(-1), "0s").SetName("Format_Negative_ZeroSeconds"),
        new TestCaseData(TimeSpan.FromDays(14), "14d").SetName("Format_TwoWeeks_DaysNotWeeks"),
        new TestCaseData(TimeSpan.FromDays(400), "400d").SetName("Format_OverAYear_DaysNotYears"),
        new TestCaseData(new TimeSpan(13, 20, 0, 0), "13d20h").SetName("Format_DaysAndHours_ZeroPartsLeftOut"),
        new TestCaseData(TimeSpan.FromMilliseconds(60_500), "1m500ms").SetName("Format_MinuteAndMilliseconds_Both"),
    ];

    [TestCaseSource(nameof(FormatCases))]
    public void Format_Span_PrometheusNotation(TimeSpan span, string expected) =>
        Assert.That(PromDuration.Format(span), Is.EqualTo(expected));

    private static IEnumerable<TestCaseData> RoundTripCases() =>
        ParseCases.Select(c => new TestCaseData(c.Arguments[1]).SetName(c.TestName!.Replace("Parse_", "Format_", StringComparison.Ordinal) + "_ParsesBack"));

    [TestCaseSource(nameof(RoundTripCases))]
    public void Format_Span_ParsesBack(TimeSpan span) =>
        Assert.That(PromDuration.Parse(PromDuration.Format(span)), Is.EqualTo(span));
}
