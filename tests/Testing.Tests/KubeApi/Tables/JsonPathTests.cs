using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Tables;

namespace RightSizer.Testing.Tests.KubeApi.Tables;

/// <summary>The printer-column JSONPath subset over a MemoryPolicy-like object.</summary>
public sealed class JsonPathTests
{
    private static readonly JsonNode Policy = JsonNode.Parse("""
        {"spec": {"mode": "Off"},
         "status": {"recommendations": [{"request": "300Mi"}],
                    "conditions": [{"type": "TargetFound", "status": "True"}, {"type": "Ready", "status": "False"}]}}
        """)!;

    private static IEnumerable<TestCaseData> Paths()
    {
        yield return new TestCaseData(".spec.mode", "Off").SetName("Evaluate_Field_Value");
        yield return new TestCaseData(".status.recommendations[0].request", "300Mi").SetName("Evaluate_Index_Element");
        // The CRD's Ready column: '@' inside the filter was refused, and every get of a MemoryPolicy table failed with 500.
        yield return new TestCaseData(".status.conditions[?(@.type==\"Ready\")].status", "False").SetName("Evaluate_FilterOnCurrentItem_MatchingElement");
        yield return new TestCaseData(".status.missing", null).SetName("Evaluate_MissingKey_Nothing");
    }

    [TestCaseSource(nameof(Paths))]
    public void Evaluate(string path, string? expected) =>
        Assert.That(JsonPath.Parse(path).Evaluate(Policy).FirstOrDefault()?.GetValue<string>(), Is.EqualTo(expected));
}
