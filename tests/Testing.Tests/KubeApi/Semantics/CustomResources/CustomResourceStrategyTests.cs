using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.CustomResources;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.CustomResources;

public sealed class CustomResourceStrategyTests
{
    private static JsonObject Stored() => JsonNode.Parse("""
        {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","generation":3,"labels":{"a":"1"}},
         "spec":{"mode":"Off"},"status":{"observedGeneration":3}}
        """)!.AsObject();

    private static readonly TestCaseData[] Updates =
    [
        new TestCaseData("""{"metadata":{"labels":{"a":"2"}}}""", 3L, "{\"observedGeneration\":3}").SetName("PrepareForUpdate_LabelChange_KeepsGeneration"),
        new TestCaseData("""{"spec":{"mode":"Auto"}}""", 4L, "{\"observedGeneration\":3}").SetName("PrepareForUpdate_SpecChange_BumpsGeneration"),
        new TestCaseData("""{"status":{"observedGeneration":9}}""", 3L, "{\"observedGeneration\":3}").SetName("PrepareForUpdate_StatusChangeThroughMain_Ignored"),
    ];

    [TestCaseSource(nameof(Updates))]
    public void PrepareForUpdate_Table(string mergePatch, long generation, string status)
    {
        var old = Stored();
        var updated = (JsonObject)RightSizer.Testing.KubeApi.Semantics.Patches.JsonMergePatch.Apply(old, JsonNode.Parse(mergePatch))!;

        var result = CustomResourceStrategy.PrepareForUpdate(old, updated, hasStatusSubresource: true);

        Assert.Multiple(() =>
        {
            Assert.That(JsonTypes.ToLong(result["metadata"]!["generation"]), Is.EqualTo(generation));
            Assert.That(result["status"]!.ToJsonString(), Is.EqualTo(status));
        });
    }

    [Test]
    public void PrepareForUpdate_WithoutStatusSubresource_StatusChangeBumpsGeneration()
    {
        var old = Stored();
        var updated = (JsonObject)old.DeepClone();
        updated["status"]!["observedGeneration"] = 4;

        var result = CustomResourceStrategy.PrepareForUpdate(old, updated, hasStatusSubresource: false);

        Assert.That(JsonTypes.ToLong(result["metadata"]!["generation"]), Is.EqualTo(4));
    }

    [Test]
    public void PrepareForStatusUpdate_SpecAndLabelChanges_OnlyStatusTaken()
    {
        var old = Stored();
        var updated = (JsonObject)old.DeepClone();
        updated["spec"]!["mode"] = "Auto";
        updated["metadata"]!["labels"]!["a"] = "2";
        updated["status"]!["observedGeneration"] = 4;

        var result = CustomResourceStrategy.PrepareForStatusUpdate(old, updated);

        Assert.Multiple(() =>
        {
            Assert.That(result["spec"]!["mode"]!.GetValue<string>(), Is.EqualTo("Off"));
            Assert.That(result["metadata"]!["labels"]!["a"]!.GetValue<string>(), Is.EqualTo("1"));
            Assert.That(JsonTypes.ToLong(result["metadata"]!["generation"]), Is.EqualTo(3));
            Assert.That(JsonTypes.ToLong(result["status"]!["observedGeneration"]), Is.EqualTo(4));
        });
    }

    [Test]
    public void PrepareForCreate_WithStatusSubresource_GenerationOneAndNoStatus()
    {
        var created = CustomResourceStrategy.PrepareForCreate(Stored(), hasStatusSubresource: true);

        Assert.Multiple(() =>
        {
            Assert.That(JsonTypes.ToLong(created["metadata"]!["generation"]), Is.EqualTo(1));
            Assert.That(created.ContainsKey("status"), Is.False);
        });
    }
}
