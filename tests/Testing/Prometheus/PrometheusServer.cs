using System.Diagnostics;

namespace RightSizer.Testing.Prometheus;

/// <summary>
/// A real Prometheus (Debian package <c>prometheus</c>) serving history backfilled with promtool from OpenMetrics files,
/// on a free port of 127.0.0.1, in its own temporary directory.
/// </summary>
public sealed class PrometheusServer : IMetricsBackend
{
    private const string Missing = "install Debian package prometheus (make test does it via scripts/install-test-deps.sh)";
    private readonly string _directory;
    private readonly string _binary;
    private readonly IReadOnlyList<string> _arguments;
    private ServerProcess _process;

    private PrometheusServer(string binary, IReadOnlyList<string> arguments, string directory, Uri baseUrl)
    {
        _binary = binary;
        _arguments = arguments;
        _process = ServerProcess.Start(binary, "prometheus", arguments);
        _directory = directory;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Name => "prometheus";

    /// <summary>Backfills every file into a fresh data directory, starts Prometheus over it and waits until it is ready.</summary>
    /// <param name="webConfig">A Prometheus web configuration (e.g. tls_server_config); the server then speaks HTTPS.</param>
    public static async Task<PrometheusServer> StartAsync(
        string directory,
        IReadOnlyList<string> openMetricsFiles,
        CancellationToken cancellationToken = default,
        string? webConfig = null)
    {
        var prometheus = FindTool("prometheus");
        var promtool = FindTool("promtool");
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(data);
        foreach (var file in openMetricsFiles)
        {
            await RunAsync(promtool, ["tsdb", "create-blocks-from", "openmetrics", "--quiet", file, data], cancellationToken);
        }

        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  scrape_interval: 1m\n", cancellationToken);
        var port = ServerProcess.FreePort();
        var arguments = new List<string>
        {
            $"--storage.tsdb.path={data}",
            $"--web.listen-address=127.0.0.1:{port}",
            $"--config.file={config}",
            "--storage.tsdb.retention.time=100y",
        };
        if (webConfig is not null)
        {
            var webConfigFile = Path.Combine(directory, "web.yml");
            await File.WriteAllTextAsync(webConfigFile, webConfig, cancellationToken);
            arguments.Add($"--web.config.file={webConfigFile}");
        }

        var scheme = webConfig is null ? "http" : "https";
        var server = new PrometheusServer(prometheus, arguments, directory, new Uri($"{scheme}://127.0.0.1:{port}"));
        try
        {
            await server.WaitReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills Prometheus (an outage as its clients see it: connections refused); the data stays for <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => _process.KillAsync();

    /// <summary>Starts Prometheus again on the same port over the same data and waits until it is ready.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        await _process.DisposeAsync();
        _process = ServerProcess.Start(_binary, "prometheus", _arguments);
        await WaitReadyAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        // Readiness only: the certificate is what the tests themselves check.
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        await _process.WaitUntilAsync(http, new Uri(BaseUrl, "/-/ready"), _ => true, cancellationToken);
    }

    private static string FindTool(string name) => ServerProcess.FindTool(name, Missing);

    private static async Task RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed with code {process.ExitCode}:\n{await error}{await output}");
        }
    }
}
