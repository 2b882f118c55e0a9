namespace RightSizer.Operator.Tests.Cli;

/// <summary>Each file in Fixtures/invalid is rejected by <c>rightsizer validate</c> with exactly the lines of its .expected file.</summary>
public sealed class InvalidFixtureTests
{
    private static string Folder => RepositoryRoot.File("tests", "Operator.Tests", "Cli", "Fixtures", "invalid");

    private static IEnumerable<TestCaseData> Fixtures() =>
        Directory.GetFiles(Folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"Validate_{Path.GetFileNameWithoutExtension(f).Replace('-', '_')}_ExpectedMessages"));

    [Test]
    public void Fixtures_AtLeastFive_Present() => Assert.That(Fixtures().Count(), Is.GreaterThanOrEqualTo(5));

    [TestCaseSource(nameof(Fixtures))]
    public async Task Validate_InvalidFixture_ExpectedMessages(string file)
    {
        var path = Path.Combine(Folder, file);
        var expected = (await File.ReadAllLinesAsync(Path.ChangeExtension(path, ".expected")))
            .Select(line => Path.Combine(Folder, line));

        var (exit, output, _) = await CliRun.RunAsync("validate", "-f", path);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(expected));
        });
    }
}
