using System.Text.Json;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Api.Tests.Schema;

public sealed class IntOrStringJsonConverterTests
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData("""{"maxUnavailable": 2}""", "2").SetName("Read_Integer_AsItsDigits"),
        new TestCaseData("""{"maxUnavailable": "25%"}""", "25%").SetName("Read_String_Unchanged"),
        new TestCaseData("""{"maxUnavailable": 1.5}""", "1.5").SetName("Read_Decimal_InvariantDigits"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Read_IntOrString_String(string json, string expected) =>
        Assert.That(JsonSerializer.Deserialize<V1alpha1UpdateSpec>(json)!.MaxUnavailable, Is.EqualTo(expected));

    [Test]
    public void Read_Boolean_JsonException() =>
        Assert.That(() => JsonSerializer.Deserialize<V1alpha1UpdateSpec>("""{"maxUnavailable": true}"""), Throws.InstanceOf<JsonException>());

    [Test]
    public void Read_QuantityAsBytes_String() =>
        Assert.That(JsonSerializer.Deserialize<V1alpha1ContainerPolicy>("""{"containerName": "app", "minAllowed": 1073741824}""")!.MinAllowed, Is.EqualTo("1073741824"));
}
