using System.Text.Json;
using RightSizer.Recommender.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

public sealed class PrometheusPointConverterTests
{
    private static IEnumerable<TestCaseData> Values() =>
    [
        new TestCaseData("268435456", 268435456d).SetName("Read_Integer_Parsed"),
        new TestCaseData("1.5e9", 1.5e9).SetName("Read_Exponent_Parsed"),
        new TestCaseData("0.1", 0.1).SetName("Read_Fraction_ParsedToTheNearestDouble"),
        new TestCaseData("-3", -3d).SetName("Read_Negative_Parsed"),
        new TestCaseData("NaN", double.NaN).SetName("Read_NaN_KeptAsNaN"),
        new TestCaseData("+Inf", double.PositiveInfinity).SetName("Read_GoPlusInf_PositiveInfinity"),
        new TestCaseData("Inf", double.PositiveInfinity).SetName("Read_GoInf_PositiveInfinity"),
        new TestCaseData("-Inf", double.NegativeInfinity).SetName("Read_GoMinusInf_NegativeInfinity"),
        new TestCaseData("\\u0034\\u0032", 42d).SetName("Read_EscapedDigits_Parsed"),
    ];

    [TestCaseSource(nameof(Values))]
    public void Read_Value_ParsedAsPrometheusMeantIt(string text, double expected)
    {
        var point = JsonSerializer.Deserialize<PrometheusPoint>($"[1712345678.5, \"{text}\"]");

        Assert.That(point, Is.EqualTo(new PrometheusPoint(1712345678.5, expected)));
    }

    [TestCase("lots")]
    [TestCase("")]
    [TestCase("4 2")]
    public void Read_NotANumber_FailsNamingTheValue(string text)
    {
        Assert.That(
            () => JsonSerializer.Deserialize<PrometheusPoint>($"[1, \"{text}\"]"),
            Throws.InstanceOf<JsonException>().With.Message.Contains($"sample value '{text}' is not a number"));
    }
}
