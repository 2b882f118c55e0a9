using System.Globalization;
using System.Text;

namespace RightSizer.Operator.Tests.Cli.Output;

/// <summary><c>recommend -o yaml</c> read back as kubectl-era YAML 1.1 tools read it.</summary>
public sealed class ReportYamlTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("rightsizer-yaml-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Recommend_YamlPrintedTrue0x10AndNullUnquoted_QuotedAndTimesAsRfc3339()
    {
        var history = Path.Combine(_dir, "h.csv");
        var csv = new StringBuilder("series,timestamp,working_set_bytes\n");
        for (var t = 1_700_000_000L - (3 * 86_400); t < 1_700_000_000; t += 300)
        {
            csv.Append(CultureInfo.InvariantCulture, $"true/Deployment/0x10/null,{t},{400 * 1048576}\n");
        }

        await File.WriteAllTextAsync(history, csv.ToString());

        var (exit, output, error) = await CliRun.RunAsync("recommend", "--history", history, "-o", "yaml");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(output, Does.Contain("generatedAt: \"2026-01-15T00:00:00+00:00\"\n"));
            Assert.That(output, Does.Contain("asOf: \"2023-11-14T22:08:21+00:00\"\n"));
            Assert.That(output, Does.Contain("namespace: \"true\"\n"));
            Assert.That(output, Does.Contain("workloadName: \"0x10\"\n"));
            Assert.That(output, Does.Contain("container: \"null\"\n"));
            Assert.That(output, Does.Not.Contain("offset:").And.Not.Contain("ticks:"), "no DateTimeOffset internals");
        });
    }
}
