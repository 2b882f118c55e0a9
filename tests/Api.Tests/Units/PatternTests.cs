using System.Text.RegularExpressions;
using RightSizer.Api.Units;

namespace RightSizer.Api.Tests.Units;

/// <summary>
/// The CRD's patterns and the parsers accept the same strings, so the API server refuses exactly what the operator and
/// the webhook could not read. Magnitudes a pattern cannot bound (past TimeSpan or long) are left to the parsers.
/// </summary>
public sealed class PatternTests
{
    private static readonly string[] Durations =
    [
        "14d", "48h", "1h30m", "90s", "500ms", "1m500ms", "1w", "1y", "1y2w3d4h5m6s7ms", "0s", "1d12h", "7d0h",
        "", "1m1h", "1h1h", "1d1w", "1ms1s", "soon", "14", "d", "1.5h", "-1h", "+1h", " 14d", "14d ", "1H", "1D", "1hh",
        "1h 30m", "1mss", "1msms",
    ];

    private static readonly string[] Quantities =
    [
        "0", "1", "134217728", "512Mi", "1Gi", "1.5Gi", ".5Mi", "5.Mi", "1Ki", "1Ti", "1Pi", "1Ei", "1k", "1M", "1G", "1T",
        "1P", "1E", "1e3", "1E3", "1e+3", "1e-3", "1e18", "1e018", "100m", "+1Gi", "-1Gi", "007Mi",
        "", "lots", "1K", "1Mb", "1MB", "1mi", "1KI", "1.5.5Mi", "Mi", ".", "1e", "1e19", "1e-19", "1e1.5", "1 Gi", " 1Gi",
        "1Gi ", "1u", "1n", "0x10", "1_000",
    ];

    private static IEnumerable<TestCaseData> DurationCases() =>
        Durations.Select(d => new TestCaseData(d).SetName($"DurationPattern_\"{d}\"_AgreesWithParser"));

    private static IEnumerable<TestCaseData> QuantityCases() =>
        Quantities.Select(q => new TestCaseData(q).SetName($"QuantityPattern_\"{q}\"_AgreesWithParser"));

    [TestCaseSource(nameof(DurationCases))]
    public void DurationPattern_Text_AgreesWithParser(string text) =>
        Assert.That(Regex.IsMatch(text, PromDuration.Pattern), Is.EqualTo(PromDuration.TryParse(text, out _)));

    [TestCaseSource(nameof(QuantityCases))]
    public void QuantityPattern_Text_AgreesWithParser(string text) =>
        Assert.That(Regex.IsMatch(text, Memory.QuantityPattern), Is.EqualTo(Memory.TryParse(text, out _)));

    [Test]
    public void DurationPattern_OutOfOrderUnits_RefusedAsTheParserDoes() =>
        Assert.Multiple(() =>
        {
            Assert.That(Regex.IsMatch("1m1h", PromDuration.Pattern), Is.False);
            Assert.That(PromDuration.TryParse("1m1h", out _), Is.False);
        });

    [Test]
    public void Tables_HoldBothAcceptedAndRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Durations.Count(d => PromDuration.TryParse(d, out _)), Is.InRange(5, Durations.Length - 5));
            Assert.That(Quantities.Count(q => Memory.TryParse(q, out _)), Is.InRange(5, Quantities.Length - 5));
        });
    }
}
