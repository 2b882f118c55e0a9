using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Patches;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Patches;

public sealed class JsonPatchTests
{
    private const string Pod = """{"spec":{"containers":[{"name":"app","resources":{}}]},"metadata":{"annotations":{"a/b":"1"}}}""";

    private static readonly TestCaseData[] Applies =
    [
        new TestCaseData("""[{"op":"add","path":"/spec/containers/0/resources/limits","value":{"memory":"512Mi"}}]""",
            """{"spec":{"containers":[{"name":"app","resources":{"limits":{"memory":"512Mi"}}}]},"metadata":{"annotations":{"a/b":"1"}}}""")
            .SetName("Apply_AddIntoExistingParent_Adds"),
        new TestCaseData("""[{"op":"add","path":"/spec/containers/-","value":{"name":"side"}}]""",
            """{"spec":{"containers":[{"name":"app","resources":{}},{"name":"side"}]},"metadata":{"annotations":{"a/b":"1"}}}""")
            .SetName("Apply_AddDash_Appends"),
        new TestCaseData("""[{"op":"replace","path":"/metadata/annotations/a~1b","value":"2"}]""",
            """{"spec":{"containers":[{"name":"app","resources":{}}]},"metadata":{"annotations":{"a/b":"2"}}}""")
            .SetName("Apply_EscapedSlash_ReplacesAnnotation"),
        new TestCaseData("""[{"op":"remove","path":"/metadata"}]""", """{"spec":{"containers":[{"name":"app","resources":{}}]}}""")
            .SetName("Apply_Remove_Removes"),
        new TestCaseData("""[{"op":"test","path":"/spec/containers/0/name","value":"app"},{"op":"copy","from":"/spec/containers/0/name","path":"/metadata/name"}]""",
            """{"spec":{"containers":[{"name":"app","resources":{}}]},"metadata":{"annotations":{"a/b":"1"},"name":"app"}}""")
            .SetName("Apply_TestThenCopy_Copies"),
        new TestCaseData("""[{"op":"move","from":"/metadata/annotations","path":"/metadata/labels"}]""",
            """{"spec":{"containers":[{"name":"app","resources":{}}]},"metadata":{"labels":{"a/b":"1"}}}""")
            .SetName("Apply_Move_Moves"),
    ];

    private static readonly TestCaseData[] Fails =
    [
        new TestCaseData("""[{"op":"add","path":"/spec/containers/0/resources/limits/memory","value":"512Mi"}]""",
            "add operation does not apply: doc is missing path: \"/spec/containers/0/resources/limits/memory\": missing value")
            .SetName("Apply_AddBelowMissingParent_Fails"),
        new TestCaseData("""[{"op":"replace","path":"/spec/nodeName","value":"n1"}]""",
            "replace operation does not apply: doc is missing path: \"/spec/nodeName\": missing value")
            .SetName("Apply_ReplaceMissing_Fails"),
        new TestCaseData("""[{"op":"remove","path":"/spec/containers/3"}]""",
            "remove operation does not apply: doc is missing path: \"/spec/containers/3\": missing value")
            .SetName("Apply_RemoveOutOfRange_Fails"),
        new TestCaseData("""[{"op":"test","path":"/spec/containers/0/name","value":"web"}]""", "testing value /spec/containers/0/name failed: test failed")
            .SetName("Apply_FailingTest_Fails"),
    ];

    [TestCaseSource(nameof(Applies))]
    public void Apply_Table(string patch, string expected)
    {
        var result = JsonPatch.Apply(JsonNode.Parse(Pod), JsonPatch.Parse(patch));

        Assert.That(result!.ToJsonString(), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Fails))]
    public void Apply_Failures_Table(string patch, string message)
    {
        Assert.That(() => JsonPatch.Apply(JsonNode.Parse(Pod), JsonPatch.Parse(patch)), Throws.TypeOf<PatchException>().With.Message.EqualTo(message));
    }

    [Test]
    public void Apply_SecondOperationFails_DocumentUntouched()
    {
        var document = JsonNode.Parse(Pod)!;

        Assert.That(() => JsonPatch.Apply(document, JsonPatch.Parse("""[{"op":"add","path":"/x","value":1},{"op":"remove","path":"/y"}]""")), Throws.TypeOf<PatchException>());
        Assert.That(document.ToJsonString(), Is.EqualTo(JsonNode.Parse(Pod)!.ToJsonString()));
    }
}
