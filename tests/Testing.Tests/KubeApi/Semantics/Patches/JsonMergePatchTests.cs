using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Patches;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Patches;

public sealed class JsonMergePatchTests
{
    // The examples of RFC 7386 appendix A.
    private static readonly TestCaseData[] Rfc7386 =
    [
        new TestCaseData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""").SetName("Apply_ReplaceValue"),
        new TestCaseData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""").SetName("Apply_AddKey"),
        new TestCaseData("""{"a":"b"}""", """{"a":null}""", """{}""").SetName("Apply_NullDeletes"),
        new TestCaseData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""").SetName("Apply_ListReplacedByScalar"),
        new TestCaseData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""").SetName("Apply_ScalarReplacedByList"),
        new TestCaseData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""").SetName("Apply_NestedMerge"),
        new TestCaseData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""").SetName("Apply_ListsReplaceWhole"),
        new TestCaseData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""").SetName("Apply_ExistingNullKept"),
        new TestCaseData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""").SetName("Apply_ObjectOntoList"),
        new TestCaseData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""").SetName("Apply_NullsInsideNewObjectDropped"),
    ];

    [TestCaseSource(nameof(Rfc7386))]
    public void Apply_Table(string target, string patch, string expected)
    {
        Assert.That(JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch))!.ToJsonString(), Is.EqualTo(expected));
    }
}
