using RightSizer.Testing.KubeApi.Semantics.Yaml;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Yaml;

public sealed class KubeYamlTests
{
    private static readonly TestCaseData[] Documents =
    [
        new TestCaseData("mode: Off\n", "{\"mode\":false}").SetName("ReadDocuments_UnquotedOff_BecomesFalse"),
        new TestCaseData("mode: \"Off\"\n", "{\"mode\":\"Off\"}").SetName("ReadDocuments_QuotedOff_StaysString"),
        new TestCaseData("mode: 'Off'\n", "{\"mode\":\"Off\"}").SetName("ReadDocuments_SingleQuotedOff_StaysString"),
        new TestCaseData("mode: !!str Off\n", "{\"mode\":\"Off\"}").SetName("ReadDocuments_StrTag_StaysString"),
        new TestCaseData("on: 1\n", "{\"true\":1}").SetName("ReadDocuments_OnKey_BecomesTrueKey"),
        new TestCaseData("8080: http\n", "{\"8080\":\"http\"}").SetName("ReadDocuments_IntegerKey_BecomesStringKey"),
        new TestCaseData("a: |\n  line1\n  line2\n", "{\"a\":\"line1\\nline2\\n\"}").SetName("ReadDocuments_LiteralBlock_KeepsNewlines"),
        new TestCaseData("base: &b {x: 1}\nderived:\n  <<: *b\n  z: 2\n", "{\"base\":{\"x\":1},\"derived\":{\"x\":1,\"z\":2}}").SetName("ReadDocuments_MergeKey_CopiesAnchor"),
        new TestCaseData("y: 1\nn: 2\n", "{\"true\":1,\"false\":2}").SetName("ReadDocuments_YAndNKeys_BecomeBooleanKeys"),
        new TestCaseData("list: [a, 1, true, null]\n", "{\"list\":[\"a\",1,true,null]}").SetName("ReadDocuments_FlowSequence_ResolvesEachScalar"),
    ];

    [TestCaseSource(nameof(Documents))]
    public void ReadDocuments_Table(string yaml, string json)
    {
        var documents = KubeYaml.ReadDocuments(yaml);

        Assert.That(documents.Select(d => d.ToJsonString()), Is.EqualTo(new[] { json }));
    }

    [Test]
    public void ReadDocuments_SeveralDocumentsWithEmptyOnes_SkipsTheEmpty()
    {
        const string yaml = "---\nkind: A\n---\n# only a comment\n---\nkind: B\n...\n";

        var documents = KubeYaml.ReadDocuments(yaml);

        Assert.That(documents.Select(d => d["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void ReadObjects_KindList_ExpandsItems()
    {
        const string yaml = "kind: List\napiVersion: v1\nitems:\n- kind: Pod\n  metadata: {name: a}\n- kind: Pod\n  metadata: {name: b}\n";

        var objects = KubeYaml.ReadObjects(yaml);

        Assert.That(objects.Select(o => o["metadata"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void ReadObjects_TopLevelScalar_RefusedAsKubectlDoes()
    {
        Assert.That(() => KubeYaml.ReadObjects("just text\n"), Throws.TypeOf<KubeYamlException>().With.Message.Contains("cannot unmarshal string"));
    }

    [Test]
    public void ReadDocuments_BrokenIndentation_NamesTheLine()
    {
        Assert.That(() => KubeYaml.ReadDocuments("a: 1\n b: 2\n"), Throws.TypeOf<KubeYamlException>().With.Message.StartsWith("error converting YAML to JSON: yaml: line"));
    }
}
