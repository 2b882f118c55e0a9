namespace RightSizer.EndToEnd.Tests.Docs;

public sealed class ShellSessionTests
{
    private static IEnumerable<TestCaseData> Commands() =>
    [
        new TestCaseData("kubectl get memorypolicy -n shop", new[] { "kubectl", "get", "memorypolicy", "-n", "shop" }).SetName("Words_PlainWords_SplitOnSpaces"),
        new TestCaseData("kubectl patch memorypolicy web --type merge -p '{\"spec\":{\"mode\":\"Initial\"}}'", new[] { "kubectl", "patch", "memorypolicy", "web", "--type", "merge", "-p", "{\"spec\":{\"mode\":\"Initial\"}}" }).SetName("Words_QuotedJson_OneWordWithoutQuotes"),
        new TestCaseData("kubectl wait --for=jsonpath='{.status.observedGeneration}'=2 x", new[] { "kubectl", "wait", "--for=jsonpath={.status.observedGeneration}=2", "x" }).SetName("Words_QuoteInsideWord_Joined"),
        new TestCaseData("a '' b", new[] { "a", "", "b" }).SetName("Words_EmptyQuotes_EmptyWord"),
    ];

    [TestCaseSource(nameof(Commands))]
    public void Words_Command_ShellWords(string command, string[] expected) =>
        Assert.That(ShellSession.Words(command), Is.EqualTo(expected));

    [Test]
    public void Steps_ShellSessionBlocks_CommandsWithOutputConsoleBlocksSkipped()
    {
        const string markdown = "```console\n$ rightsizer x\nskipped\n```\ntext\n```shell-session\n$ kubectl a\none\ntwo\n$ kubectl b\n```\n";
        Assert.That(ShellSession.Steps(markdown), Is.EqualTo(new[] { ("kubectl a", "one\ntwo"), ("kubectl b", "") }));
    }
}
