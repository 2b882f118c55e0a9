using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Yaml;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Yaml;

public sealed class YamlScalarResolverTests
{
    // Expected values are what kubectl sends for `value: <plain>` (sigs.k8s.io/yaml over go-yaml v2), as JSON text.
    private static readonly TestCaseData[] Plain =
    [
        new TestCaseData("y", "true").SetName("Resolve_LowerY_IsTrue"),
        new TestCaseData("Yes", "true").SetName("Resolve_Yes_IsTrue"),
        new TestCaseData("on", "true").SetName("Resolve_On_IsTrue"),
        new TestCaseData("Off", "false").SetName("Resolve_Off_IsFalse"),
        new TestCaseData("NO", "false").SetName("Resolve_UpperNo_IsFalse"),
        new TestCaseData("True", "true").SetName("Resolve_CapitalTrue_IsTrue"),
        new TestCaseData("~", "null").SetName("Resolve_Tilde_IsNull"),
        new TestCaseData("Null", "null").SetName("Resolve_CapitalNull_IsNull"),
        new TestCaseData("0755", "493").SetName("Resolve_LeadingZero_IsOctal"),
        new TestCaseData("0o17", "15").SetName("Resolve_0oPrefix_IsOctal"),
        new TestCaseData("0x1F", "31").SetName("Resolve_0xPrefix_IsHex"),
        new TestCaseData("0b101", "5").SetName("Resolve_0bPrefix_IsBinary"),
        new TestCaseData("-0b101", "-5").SetName("Resolve_NegativeBinary_IsNegative"),
        new TestCaseData("1_000", "1000").SetName("Resolve_Underscores_AreDropped"),
        new TestCaseData("08", "8").SetName("Resolve_InvalidOctal_FallsBackToFloat"),
        new TestCaseData("1e3", "1000").SetName("Resolve_Exponent_IsNumber"),
        new TestCaseData("1.5", "1.5").SetName("Resolve_Decimal_IsNumber"),
        new TestCaseData("+12", "12").SetName("Resolve_PlusSign_IsInteger"),
        new TestCaseData("2026-01-01", "\"2026-01-01\"").SetName("Resolve_Date_StaysString"),
        new TestCaseData("512Mi", "\"512Mi\"").SetName("Resolve_Quantity_StaysString"),
        new TestCaseData("1.2.3", "\"1.2.3\"").SetName("Resolve_VersionLike_StaysString"),
        new TestCaseData("yes please", "\"yes please\"").SetName("Resolve_WordsStartingWithYes_StayString"),
    ];

    [TestCaseSource(nameof(Plain))]
    public void Resolve_Table(string plain, string json)
    {
        var value = YamlScalarResolver.Resolve(plain);

        Assert.That(value?.ToJsonString() ?? "null", Is.EqualTo(json));
    }

    [Test]
    public void Resolve_Infinity_RefusedAsJsonCannotHoldIt()
    {
        Assert.That(() => YamlScalarResolver.Resolve(".inf"), Throws.TypeOf<KubeYamlException>().With.Message.Contains("unsupported value"));
    }

    [Test]
    public void Resolve_ResultIsAJsonValue()
    {
        Assert.That(YamlScalarResolver.Resolve("Off"), Is.InstanceOf<JsonValue>());
    }
}
