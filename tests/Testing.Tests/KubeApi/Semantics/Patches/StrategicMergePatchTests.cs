using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Patches;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Patches;

public sealed class StrategicMergePatchTests
{
    private const string Pod = """
        {"metadata":{"name":"p","finalizers":["a"]},
         "spec":{"containers":[{"name":"app","image":"nginx:1.27","env":[{"name":"A","value":"1"}]},{"name":"side","image":"envoy"}],
                 "volumes":[{"name":"data","emptyDir":{}}],"tolerations":[{"key":"x"}]}}
        """;

    private static readonly TestCaseData[] Patches =
    [
        new TestCaseData("""{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}""", "Pod",
            """{"name":"p","finalizers":["a"]}|[{"name":"app","image":"nginx:1.28","env":[{"name":"A","value":"1"}]},{"name":"side","image":"envoy"}]""")
            .SetName("Apply_ContainerByName_MergedInPlace"),
        new TestCaseData("""{"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"app"}],"containers":[{"name":"app","image":"nginx:1.28"}]}}""", "Pod",
            """{"name":"p","finalizers":["a"]}|[{"name":"side","image":"envoy"},{"name":"app","image":"nginx:1.28","env":[{"name":"A","value":"1"}]}]""")
            .SetName("Apply_SetElementOrder_Reorders"),
        new TestCaseData("""{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}""", "Pod",
            """{"name":"p","finalizers":["a"]}|[{"name":"app","image":"nginx:1.27","env":[{"name":"A","value":"1"}]}]""")
            .SetName("Apply_PatchDeleteElement_Removes"),
        new TestCaseData("""{"spec":{"containers":[{"name":"only","image":"busybox"},{"$patch":"replace"}]}}""", "Pod",
            """{"name":"p","finalizers":["a"]}|[{"name":"only","image":"busybox"}]""")
            .SetName("Apply_PatchReplaceElement_ReplacesList"),
        new TestCaseData("""{"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"2"}]}]}}""", "Pod",
            """{"name":"p","finalizers":["a"]}|[{"name":"app","image":"nginx:1.27","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"side","image":"envoy"}]""")
            .SetName("Apply_EnvByName_Appended"),
        new TestCaseData("""{"metadata":{"finalizers":["b"]}}""", "Pod",
            """{"name":"p","finalizers":["a","b"]}|[{"name":"app","image":"nginx:1.27","env":[{"name":"A","value":"1"}]},{"name":"side","image":"envoy"}]""")
            .SetName("Apply_FinalizersPrimitiveMerge_Union"),
        new TestCaseData("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""", "Pod",
            """{"name":"p","finalizers":[]}|[{"name":"app","image":"nginx:1.27","env":[{"name":"A","value":"1"}]},{"name":"side","image":"envoy"}]""")
            .SetName("Apply_DeleteFromPrimitiveList_Removes"),
        new TestCaseData("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}}}""", "Deployment",
            null).SetName("Apply_DeploymentTemplate_UsesPodSpecKeys"),
    ];

    [TestCaseSource(nameof(Patches))]
    public void Apply_Table(string patch, string kind, string? expected)
    {
        if (kind == "Deployment")
        {
            var deployment = JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.27"},{"name":"side"}]}}}}""")!.AsObject();
            var patchedDeployment = StrategicMergePatch.Apply(deployment, JsonNode.Parse(patch)!.AsObject(), kind);
            Assert.That(patchedDeployment["spec"]!["template"]!["spec"]!["containers"]!.ToJsonString(), Is.EqualTo("""[{"name":"app","image":"nginx:1.28"},{"name":"side"}]"""));
            return;
        }

        var patched = StrategicMergePatch.Apply(JsonNode.Parse(Pod)!.AsObject(), JsonNode.Parse(patch)!.AsObject(), kind);

        Assert.That(patched["metadata"]!.ToJsonString() + "|" + patched["spec"]!["containers"]!.ToJsonString(), Is.EqualTo(expected));
    }

    [Test]
    public void Apply_ListWithoutStrategy_Replaced()
    {
        var patched = StrategicMergePatch.Apply(JsonNode.Parse(Pod)!.AsObject(), JsonNode.Parse("""{"spec":{"tolerations":[{"key":"y"}]}}""")!.AsObject(), "Pod");

        Assert.That(patched["spec"]!["tolerations"]!.ToJsonString(), Is.EqualTo("""[{"key":"y"}]"""));
    }

    [Test]
    public void Apply_RetainKeys_DropsOtherKeysOfTheVolume()
    {
        var patch = """{"spec":{"volumes":[{"name":"data","$retainKeys":["name","configMap"],"configMap":{"name":"cm"}}]}}""";

        var patched = StrategicMergePatch.Apply(JsonNode.Parse(Pod)!.AsObject(), JsonNode.Parse(patch)!.AsObject(), "Pod");

        Assert.That(patched["spec"]!["volumes"]!.ToJsonString(), Is.EqualTo("""[{"name":"data","configMap":{"name":"cm"}}]"""));
    }

    [Test]
    public void Apply_PatchReplaceMap_ReplacesWholeMap()
    {
        var patch = """{"metadata":{"$patch":"replace","name":"q"}}""";

        var patched = StrategicMergePatch.Apply(JsonNode.Parse(Pod)!.AsObject(), JsonNode.Parse(patch)!.AsObject(), "Pod");

        Assert.That(patched["metadata"]!.ToJsonString(), Is.EqualTo("""{"name":"q"}"""));
    }

    [Test]
    public void Apply_NullValue_DeletesKey()
    {
        var patched = StrategicMergePatch.Apply(JsonNode.Parse(Pod)!.AsObject(), JsonNode.Parse("""{"spec":{"tolerations":null}}""")!.AsObject(), "Pod");

        Assert.That(patched["spec"]!.AsObject().ContainsKey("tolerations"), Is.False);
    }

    [Test]
    public void Apply_ElementWithoutMergeKey_Refused()
    {
        var patch = JsonNode.Parse("""{"spec":{"containers":[{"image":"x"}]}}""")!.AsObject();

        Assert.That(() => StrategicMergePatch.Apply(JsonNode.Parse(Pod)!.AsObject(), patch, "Pod"),
            Throws.TypeOf<PatchException>().With.Message.EqualTo("map: map[image:x] does not contain declared merge key: name"));
    }
}
