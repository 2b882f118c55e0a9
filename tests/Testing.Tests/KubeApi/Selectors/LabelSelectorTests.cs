using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Selectors;

namespace RightSizer.Testing.Tests.KubeApi.Selectors;

/// <summary>The one label selector of the server: query strings for lists and watches, LabelSelector objects for PDBs and webhooks.</summary>
public sealed class LabelSelectorTests
{
    private static readonly JsonObject Labels = new() { ["app"] = "web", ["tier"] = "front" };

    private static readonly object[] Queries =
    [
        new TestCaseData("app=web", true).SetName("Parse_Equality_Matches"),
        new TestCaseData("app==web,tier!=back", true).SetName("Parse_DoubleEqualsAndInequality_Matches"),
        new TestCaseData("app in (api,web),tier notin (back)", true).SetName("Parse_SetBased_Matches"),
        new TestCaseData("app,!canary", true).SetName("Parse_ExistsAndNotExists_Matches"),
        new TestCaseData("app=api", false).SetName("Parse_OtherValue_NoMatch"),
        new TestCaseData("", true).SetName("Parse_Empty_MatchesEverything"),
    ];

    private static readonly object[] Objects =
    [
        new TestCaseData("""{"matchLabels":{"app":"web"}}""", true, false).SetName("FromObject_MatchLabels_Matches"),
        new TestCaseData("""{"matchExpressions":[{"key":"tier","operator":"In","values":["front"]},{"key":"canary","operator":"DoesNotExist"}]}""", true, false).SetName("FromObject_Expressions_Matches"),
        new TestCaseData("""{"matchExpressions":[{"key":"tier","operator":"NotIn","values":["front"]}]}""", false, false).SetName("FromObject_NotIn_NoMatch"),
        new TestCaseData("{}", true, true).SetName("FromObject_Empty_EmptyAndMatchesEverything"),
        new TestCaseData("null", false, false).SetName("FromObject_Null_MatchesNothing"),
    ];

    [TestCaseSource(nameof(Queries))]
    public void Parse_Query_MatchesAsLabelsParse(string query, bool matches) =>
        Assert.That(LabelSelector.Parse(query).MatchesLabels(Labels), Is.EqualTo(matches));

    [TestCaseSource(nameof(Objects))]
    public void FromObject_Selector_MatchesAsLabelSelectorAsSelector(string selector, bool matches, bool empty)
    {
        var parsed = LabelSelector.FromObject(JsonNode.Parse(selector));

        Assert.That(parsed.MatchesLabels(Labels), Is.EqualTo(matches));
        Assert.That(parsed.IsEmpty, Is.EqualTo(empty));
    }
}
