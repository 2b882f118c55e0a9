using System.Text.RegularExpressions;
using RightSizer.Operator.Tests.Cli;

namespace RightSizer.Operator.Tests.Export;

/// <summary>
/// Runs the <c>console</c> blocks of docs/usage.md and docs/export.md in order, in a scratch folder holding a copy of
/// <c>samples/</c> (and of its manifests as <c>copy-of-manifests</c>), and compares what each command prints with the
/// lines shown under it. <c>rightsizer</c> runs in-process; <c>cat</c> reads the file.
/// </summary>
[NonParallelizable]
public sealed partial class UsageDocTests
{
    private static IEnumerable<TestCaseData> Documents() =>
    [
        new TestCaseData("usage.md").SetName("Commands_UsageDoc_PrintWhatIsShown"),
        new TestCaseData("export.md").SetName("Commands_ExportDoc_PrintWhatIsShown"),
    ];

    [TestCaseSource(nameof(Documents))]
    public async Task Commands_Doc_PrintWhatIsShown(string document)
    {
        var steps = Steps(await File.ReadAllTextAsync(RepositoryRoot.File("docs", document)));
        var scratch = Path.Combine(Path.GetTempPath(), "rightsizer-doc-" + Guid.NewGuid().ToString("N"));
        Copy(RepositoryRoot.File("samples"), Path.Combine(scratch, "samples"));
        Copy(RepositoryRoot.File("samples", "manifests"), Path.Combine(scratch, "copy-of-manifests"));
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = scratch;
        try
        {
            Assert.That(steps, Is.Not.Empty);
            foreach (var (command, expected) in steps)
            {
                Assert.That(await RunAsync(command), Is.EqualTo(expected), $"$ {command}");
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words[0] == "cat")
        {
            return await File.ReadAllTextAsync(words[1]);
        }

        Assert.That(words[0], Is.EqualTo("rightsizer"), "the docs' console blocks run rightsizer and cat only");
        var (_, output, error) = await CliRun.RunAsync(words[1..]);

        // The progress line's timing varies from run to run; the docs leave it out.
        var stderr = error.Split('\n').Where(l => !ProgressSummary().IsMatch(l));
        return output + string.Join('\n', stderr);
    }

    private static List<(string Command, string Output)> Steps(string markdown)
    {
        var steps = new List<(string, string)>();
        foreach (Match block in ConsoleBlock().Matches(markdown))
        {
            string? command = null;
            var output = new List<string>();
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                if (line.StartsWith("$ ", StringComparison.Ordinal))
                {
                    if (command is not null)
                    {
                        steps.Add((command, string.Join('\n', output) + "\n"));
                    }

                    command = line[2..];
                    output.Clear();
                }
                else
                {
                    output.Add(line);
                }
            }

            if (command is not null)
            {
                steps.Add((command, string.Join('\n', output) + "\n"));
            }
        }

        return steps;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"```console\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();

    [GeneratedRegex(@"^read \d+ containers")]
    private static partial Regex ProgressSummary();
}
