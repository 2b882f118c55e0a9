using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing;
using RightSizer.Testing.KubeApi.Sandbox;
using RightSizer.Testing.Prometheus;

namespace RightSizer.EndToEnd.Tests.Docs;

/// <summary>
/// Runs the <c>shell-session</c> blocks of docs/usage.md in order against an <see cref="OperatorCluster"/> and a
/// Prometheus holding <see cref="WalkthroughHistory"/>, and compares what each
/// command prints with the lines shown under it after <see cref="WalkthroughOutput.Normalise"/>. kubectl runs through
/// the fixture's <see cref="RightSizer.Testing.KubeApi.Kubectl"/>, <c>rightsizer</c> as the built dll, both with the
/// fixture's kubeconfig, in a scratch folder holding copies of <c>config/</c> and <c>samples/walkthrough/</c>;
/// <c>cat</c> reads the file. What the doc leaves to the cluster runs between steps: after
/// <c>kubectl apply -k config/default</c> the webhook configurations trust the test CA and an operator replica starts
/// (in a cluster, its Deployment). Every run's raw output is attached as usage-walkthrough.txt, for re-capturing the doc.
/// </summary>
public sealed partial class UsageWalkthroughTests
{
    /// <summary>How long a <c>kubectl get pods</c> step is retried: the Deployment's pods are replaced asynchronously after a restart.</summary>
    private static readonly TimeSpan ConvergeDeadline = TimeSpan.FromSeconds(30);

    private PrometheusServer _prometheus = null!;

    [OneTimeSetUp]
    public async Task StartPrometheus() =>
        _prometheus = await HistoryPrometheus.StartAsync(WalkthroughHistory.ShopWeb);

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _prometheus.DisposeAsync();

    [Test]
    public async Task Walkthrough_UsageDoc_PrintsWhatIsShown()
    {
        var steps = ShellSession.Steps(await File.ReadAllTextAsync(RepositoryRoot.File("docs", "usage.md")));
        Assert.That(steps.Select(s => s.Command), Has.Some.EqualTo("kubectl apply -k config/default"), "the walkthrough installs config/default");
        var scratch = Directory.CreateTempSubdirectory("rightsizer-walkthrough-").FullName;
        Copy(RepositoryRoot.File("config"), Path.Combine(scratch, "config"));
        Copy(RepositoryRoot.File("samples", "walkthrough"), Path.Combine(scratch, "samples", "walkthrough"));
        var transcript = new StringBuilder();
        var drifts = new List<string>();
        try
        {
            await using var cluster = await OperatorCluster.StartAsync();
            foreach (var (command, shown) in steps)
            {
                var expected = WalkthroughOutput.Normalise(command, shown);
                var printed = await RunAsync(cluster, scratch, command);
                if (command.StartsWith("kubectl get pods", StringComparison.Ordinal))
                {
                    var converging = Stopwatch.StartNew();
                    while (WalkthroughOutput.Normalise(command, printed) != expected && converging.Elapsed < ConvergeDeadline)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200));
                        printed = await RunAsync(cluster, scratch, command);
                    }
                }

                transcript.Append("$ ").AppendLine(command).AppendLine(printed.TrimEnd('\n'));
                var actual = WalkthroughOutput.Normalise(command, printed);
                if (actual != expected)
                {
                    drifts.Add($"$ {command}\n--- docs/usage.md shows (normalised)\n{expected}\n--- the command printed (normalised)\n{actual}");
                }

                if (command == "kubectl apply -k config/default")
                {
                    var trust = await cluster.TrustWebhookCertificateAsync();
                    Assert.That(trust.Select(r => r.ExitCode), Is.All.Zero, string.Join('\n', trust));
                    await cluster.StartOperatorAsync(_prometheus.BaseUrl);
                }
            }

            if (drifts.Count > 0)
            {
                drifts.Add(cluster.LogTail(40));
            }
        }
        finally
        {
            var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "usage-walkthrough.txt");
            await File.WriteAllTextAsync(file, transcript.ToString());
            TestContext.AddTestAttachment(file, "what the walkthrough's commands printed");
            Directory.Delete(scratch, recursive: true);
        }

        Assert.That(drifts, Is.Empty, string.Join("\n\n", drifts));
    }

    private static async Task<string> RunAsync(OperatorCluster cluster, string scratch, string command)
    {
        var words = ShellSession.Words(command);
        switch (words[0])
        {
            case "kubectl":
                var args = words.Skip(1).Select(w => Exists(scratch, w) ? Path.Combine(scratch, w) : w).ToArray();
                var result = await cluster.Kubectl.RunAsync(args);
                return result.StdOut + result.StdErr;
            case "rightsizer":
                return await RightsizerAsync(scratch, [.. words.Skip(1), $"--kubeconfig={cluster.Api.KubeconfigPath}"]);
            case "cat":
                return await File.ReadAllTextAsync(Path.Combine(scratch, words[1]));
            default:
                Assert.Fail($"the walkthrough runs kubectl, rightsizer and cat only: {command}");
                return "";
        }
    }

    private static async Task<string> RightsizerAsync(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rightsizer.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        // The progress line's timing varies from run to run; the doc leaves it out, as UsageDocTests does.
        var errors = (await stderr).Split('\n').Where(l => !ProgressSummary().IsMatch(l));
        return await stdout + string.Join('\n', errors);
    }

    private static bool Exists(string scratch, string word) =>
        !word.StartsWith('-') && (File.Exists(Path.Combine(scratch, word)) || Directory.Exists(Path.Combine(scratch, word)));

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^read \d+ containers")]
    private static partial Regex ProgressSummary();
}
