using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Webhooks;

public sealed class WebhookRuleMatcherTests
{
    private static readonly JsonObject ShopLabels = new() { ["kubernetes.io/metadata.name"] = "shop", ["rightsizer.io/enabled"] = "true" };

    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData("", "", true).SetName("ShouldCall_PodCreateRule_Matches"),
        new TestCaseData("", "resize", false).SetName("ShouldCall_PodsRuleOnSubresource_DoesNotMatch"),
        new TestCaseData("""{"operations":["*"],"apiGroups":["*"],"apiVersions":["*"],"resources":["pods/*"]}""", "resize", true).SetName("ShouldCall_PodsStar_MatchesSubresource"),
        new TestCaseData("""{"operations":["CREATE"],"apiGroups":[""],"apiVersions":["v1"],"resources":["*/status"]}""", "status", true).SetName("ShouldCall_StarStatus_MatchesStatus"),
        new TestCaseData("""{"operations":["UPDATE"],"apiGroups":[""],"apiVersions":["v1"],"resources":["pods"]}""", "", false).SetName("ShouldCall_OtherOperation_DoesNotMatch"),
        new TestCaseData("""{"operations":["CREATE"],"apiGroups":["apps"],"apiVersions":["v1"],"resources":["pods"]}""", "", false).SetName("ShouldCall_OtherGroup_DoesNotMatch"),
        new TestCaseData("""{"operations":["CREATE"],"apiGroups":[""],"apiVersions":["v1"],"resources":["pods"],"scope":"Cluster"}""", "", false).SetName("ShouldCall_ClusterScopeForNamespacedPod_DoesNotMatch"),
        new TestCaseData("""{"operations":["CREATE"],"apiGroups":[""],"apiVersions":["v1"],"resources":["pods"],"scope":"Namespaced"}""", "", true).SetName("ShouldCall_NamespacedScope_Matches"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void ShouldCall_Rules_Table(string rule, string subresource, bool expected)
    {
        var webhook = WebhookFixtures.Webhook("w");
        if (rule.Length > 0)
        {
            webhook["rules"] = new JsonArray(JsonNode.Parse(rule));
        }

        var attributes = WebhookFixtures.PodCreate() with { Subresource = subresource };

        Assert.That(WebhookRuleMatcher.ShouldCall(webhook, attributes, ShopLabels), Is.EqualTo(expected));
    }

    private static readonly TestCaseData[] Selectors =
    [
        new TestCaseData("""{"namespaceSelector":{"matchLabels":{"rightsizer.io/enabled":"true"}}}""", true).SetName("ShouldCall_NamespaceSelectorMatches_Called"),
        new TestCaseData("""{"namespaceSelector":{"matchExpressions":[{"key":"kubernetes.io/metadata.name","operator":"NotIn","values":["shop"]}]}}""", false).SetName("ShouldCall_NamespaceExcluded_NotCalled"),
        new TestCaseData("""{"objectSelector":{"matchLabels":{"app":"web"}}}""", true).SetName("ShouldCall_ObjectSelectorMatches_Called"),
        new TestCaseData("""{"objectSelector":{"matchExpressions":[{"key":"rightsizer.io/skip","operator":"Exists"}]}}""", false).SetName("ShouldCall_ObjectSelectorMisses_NotCalled"),
    ];

    [TestCaseSource(nameof(Selectors))]
    public void ShouldCall_Selectors_Table(string selectors, bool expected)
    {
        var webhook = WebhookFixtures.Webhook("w");
        foreach (var (key, value) in JsonNode.Parse(selectors)!.AsObject())
        {
            webhook[key] = value!.DeepClone();
        }

        Assert.That(WebhookRuleMatcher.ShouldCall(webhook, WebhookFixtures.PodCreate(), ShopLabels), Is.EqualTo(expected));
    }

    [Test]
    public void ShouldCall_WebhookConfiguration_NeverSentToWebhooks()
    {
        var webhook = WebhookFixtures.Webhook("w");
        webhook["rules"] = new JsonArray(JsonNode.Parse("""{"operations":["*"],"apiGroups":["*"],"apiVersions":["*"],"resources":["*"]}"""));
        var attributes = WebhookFixtures.PodCreate() with { Group = "admissionregistration.k8s.io", Kind = "MutatingWebhookConfiguration", Resource = "mutatingwebhookconfigurations", Namespace = "" };

        Assert.That(WebhookRuleMatcher.ShouldCall(webhook, attributes, null), Is.False);
    }
}
