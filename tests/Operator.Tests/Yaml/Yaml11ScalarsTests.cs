using RightSizer.Operator.Yaml;

namespace RightSizer.Operator.Tests.Yaml;

/// <summary>Strings that YAML 1.1 (kubectl's reading) or YAML 1.2 resolves to something else, and strings that stay strings.</summary>
public sealed class Yaml11ScalarsTests
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData("Off", true).SetName("NeedsQuotes_Off_BooleanIn11"),
        new TestCaseData("True", true).SetName("NeedsQuotes_True_Boolean"),
        new TestCaseData("y", true).SetName("NeedsQuotes_Y_BooleanIn11"),
        new TestCaseData("NO", true).SetName("NeedsQuotes_No_BooleanIn11"),
        new TestCaseData("null", true).SetName("NeedsQuotes_Null_Null"),
        new TestCaseData("~", true).SetName("NeedsQuotes_Tilde_Null"),
        new TestCaseData("", true).SetName("NeedsQuotes_Empty_Null"),
        new TestCaseData("0x10", true).SetName("NeedsQuotes_Hex_Integer"),
        new TestCaseData("010", true).SetName("NeedsQuotes_LeadingZero_OctalIn11"),
        new TestCaseData("0o17", true).SetName("NeedsQuotes_0o_OctalIn12"),
        new TestCaseData("1_000", true).SetName("NeedsQuotes_Underscores_IntegerIn11"),
        new TestCaseData("1:30", true).SetName("NeedsQuotes_Sexagesimal_IntegerIn11"),
        new TestCaseData("1e3", true).SetName("NeedsQuotes_Exponent_Float"),
        new TestCaseData(".inf", true).SetName("NeedsQuotes_Inf_Float"),
        new TestCaseData("2026-01-15", true).SetName("NeedsQuotes_Date_TimestampIn11"),
        new TestCaseData("2026-01-15T00:00:00+00:00", true).SetName("NeedsQuotes_DateTime_TimestampIn11"),
        new TestCaseData("440Mi", false).SetName("NeedsQuotes_Quantity_String"),
        new TestCaseData("Burstable", false).SetName("NeedsQuotes_Word_String"),
        new TestCaseData("shop/Deployment/web/app", false).SetName("NeedsQuotes_SeriesId_String"),
        new TestCaseData("14d", false).SetName("NeedsQuotes_Duration_String"),
        new TestCaseData("Offline", false).SetName("NeedsQuotes_WordStartingWithOff_String"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void NeedsQuotes_Scalar_AsYaml11Resolves(string value, bool quoted) =>
        Assert.That(Yaml11Scalars.NeedsQuotes(value), Is.EqualTo(quoted));
}
