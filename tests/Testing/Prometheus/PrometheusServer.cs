using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RightSizer.Testing.Prometheus;

/// <summary>
/// A real Prometheus (Debian package <c>prometheus</c>) serving history backfilled with promtool from OpenMetrics files,
/// on a free port of 127.0.0.1, in its own temporary directory.
/// </summary>
public sealed class PrometheusServer : IMetricsBackend
{
    private const string Missing = "install Debian package prometheus (make test does it via scripts/install-test-deps.sh)";
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log;

    private PrometheusServer(Process process, string directory, StringBuilder log, Uri baseUrl)
    {
        _process = process;
        _directory = directory;
        _log = log;
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
        var port = FreePort();
        var start = new ProcessStartInfo(prometheus)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--storage.tsdb.path={data}",
            $"--web.listen-address=127.0.0.1:{port}",
            $"--config.file={config}",
            "--storage.tsdb.retention.time=100y",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (webConfig is not null)
        {
            var webConfigFile = Path.Combine(directory, "web.yml");
            await File.WriteAllTextAsync(webConfigFile, webConfig, cancellationToken);
            start.ArgumentList.Add($"--web.config.file={webConfigFile}");
        }

        var log = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{prometheus} did not start");
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var scheme = webConfig is null ? "http" : "https";
        var server = new PrometheusServer(process, directory, log, new Uri($"{scheme}://127.0.0.1:{port}"));
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        // Readiness only: the certificate is what the tests themselves check.
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyDeadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with code {_process.ExitCode} before it was ready:\n{Log()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "/-/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: poll again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"prometheus was not ready within {ReadyDeadline.TotalSeconds:0}s:\n{Log()}");
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    internal static string FindTool(string name, string missing = Missing)
    {
        var candidates = new[] { $"/usr/bin/{name}" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Where(dir => dir.Length > 0).Select(dir => Path.Combine(dir, name)));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} not found: {missing}");
    }

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
