using RightSizer.Operator.Cli;

namespace RightSizer.Operator.Tests.Cli;

public sealed class CliReferenceTests
{
    private static string Rendered => CliReference.Render(CliApp.CreateRootCommand(TimeProvider.System));

    [Test]
    public void Render_CommandTree_IdenticalToCommittedReference() =>
        Assert.That(Rendered, Is.EqualTo(File.ReadAllText(RepositoryRoot.File("docs", "cli-reference.md"))),
            "docs/cli-reference.md is out of date: run 'make manifests' and commit the result");

    [TestCase("## `rightsizer recommend`")]
    [TestCase("## `rightsizer validate`")]
    [TestCase("## `rightsizer generate crd`")]
    [TestCase("## `rightsizer bench`")]
    [TestCase("| `--prometheus-url`, `-p` |")]
    [TestCase("| `--namespace`, `-n` |")]
    [TestCase("| `--output`, `-o` | table, json, yaml or csv. | `table` |")]
    public void Render_CommandTree_DocumentsCommandOrFlag(string line) => Assert.That(Rendered, Does.Contain(line));

    [Test]
    public void Render_HelpOption_LeftOut() => Assert.That(Rendered, Does.Not.Contain("`--help`"));
}
