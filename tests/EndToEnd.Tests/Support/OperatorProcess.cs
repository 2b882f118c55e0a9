using System.Text.RegularExpressions;
using RightSizer.Testing.Prometheus;

namespace RightSizer.EndToEnd.Tests.Support;

/// <summary>
/// One replica of the real <c>rightsizer operator</c>, run as <c>dotnet rightsizer.dll operator</c> from the test's
/// output folder (or as the published executable that <c>RIGHTSIZER_EXE</c> names) with every listener on 127.0.0.1
/// port 0; the bound ports are read from its "Listening for" log lines.
/// Its JSON log is kept (<see cref="Output"/>); disposing kills it and waits until it is gone.
/// </summary>
public sealed partial class OperatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private readonly ServerProcess _process;

    private OperatorProcess(string name, ServerProcess process, int probesPort, int metricsPort, int webhookPort)
    {
        Name = name;
        _process = process;
        Probes = new Uri($"http://127.0.0.1:{probesPort}");
        Metrics = new Uri($"http://127.0.0.1:{metricsPort}");
        WebhookPort = webhookPort;
    }

    /// <summary>The replica's name in the test (its log file and messages).</summary>
    public string Name { get; }

    /// <summary>http://127.0.0.1:port of /healthz and /readyz.</summary>
    public Uri Probes { get; }

    /// <summary>http://127.0.0.1:port of /metrics.</summary>
    public Uri Metrics { get; }

    /// <summary>The HTTPS port of the admission webhooks.</summary>
    public int WebhookPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the operator logged so far (one JSON object per line).</summary>
    public string Output => _process.Output;

    /// <summary>
    /// Starts the operator and returns once it has logged its listeners. Readiness is the caller's to wait on
    /// (<see cref="WaitReadyAsync"/>): a standby replica is ready too, a replica cut off from the API server is not.
    /// </summary>
    public static async Task<OperatorProcess> StartAsync(string name, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        // RIGHTSIZER_EXE names a published executable to run instead (make test-published: the image's trimmed build).
        var published = Environment.GetEnvironmentVariable("RIGHTSIZER_EXE");
        var (program, entry) = string.IsNullOrEmpty(published)
            ? ("dotnet", new[] { Path.Combine(AppContext.BaseDirectory, "rightsizer.dll") })
            : (Path.GetFullPath(published), []);
        var process = ServerProcess.Start(
            program,
            name,
            [
                .. entry, "operator",
                "--metrics-bind-address=127.0.0.1:0",
                "--health-probe-bind-address=127.0.0.1:0",
                "--webhook-bind-address=127.0.0.1:0",
                "--log-format=json",
                .. arguments,
            ],
            new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
        try
        {
            var probes = await PortOfAsync(process, "probes", cancellationToken);
            var metrics = await PortOfAsync(process, "metrics", cancellationToken);
            var webhooks = await PortOfAsync(process, "webhooks", cancellationToken);
            return new OperatorProcess(name, process, probes, metrics, webhooks);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls /readyz until it answers 200 (caches synced, serving certificate loaded).</summary>
    public async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await _process.WaitUntilAsync(http, new Uri(Probes, "/readyz"), _ => true, cancellationToken);
    }

    /// <summary>The first log line whose message contains <paramref name="text"/>, waiting for it until the deadline.</summary>
    public Task<string> WaitForLogAsync(string text, TimeSpan deadline, CancellationToken cancellationToken) =>
        _process.WaitForLineAsync(line => line.Contains(text, StringComparison.Ordinal), deadline, cancellationToken);

    /// <summary>Kills the replica at once, as a node failure or OOM kill would: no shutdown, the Lease is not released.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<int> PortOfAsync(ServerProcess process, string role, CancellationToken cancellationToken)
    {
        var line = await process.WaitForLineAsync(l => ListeningLine().Match(l) is { Success: true } m && m.Groups["role"].Value == role, StartDeadline, cancellationToken);
        return int.Parse(ListeningLine().Match(line).Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Listening for (?<role>\w+) on [^""\s]*:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
