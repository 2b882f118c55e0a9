using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RightSizer.Testing.Prometheus;

/// <summary>
/// A real single-node VictoriaMetrics (Debian package <c>victoria-metrics</c>) on a free port of 127.0.0.1, in its own
/// temporary directory, loaded with the same OpenMetrics files as <see cref="PrometheusServer"/> through its
/// <c>/api/v1/import/prometheus</c> endpoint (which takes millisecond timestamps).
/// </summary>
public sealed class VictoriaMetricsServer : IMetricsBackend
{
    private const string Missing = "install Debian package victoria-metrics (make test does it via scripts/install-test-deps.sh)";
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();

    private VictoriaMetricsServer(Process process, string directory, Uri baseUrl)
    {
        _process = process;
        _directory = directory;
        BaseUrl = baseUrl;
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public Uri BaseUrl { get; }

    public string Name => "victoria-metrics";

    /// <summary>Starts VictoriaMetrics, imports every file and waits until all their series are searchable.</summary>
    /// <param name="probeTime">A time inside the imported data, at which every series must be found.</param>
    public static async Task<VictoriaMetricsServer> StartAsync(string directory, IReadOnlyList<string> openMetricsFiles, DateTimeOffset probeTime, CancellationToken cancellationToken = default)
    {
        var binary = PrometheusServer.FindTool("victoria-metrics", Missing);
        var port = PrometheusServer.FreePort();
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            $"-storageDataPath={Path.Combine(directory, "vm-data")}",
            $"-httpListenAddr=127.0.0.1:{port}",
            "-retentionPeriod=100y",

            // Backfilled data: answer from storage, not from a cache filled before the import finished.
            "-search.disableCache",
            "-search.latencyOffset=0s",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start");
        var server = new VictoriaMetricsServer(process, directory, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            await server.WaitAsync(http, "/health", body => body.Trim() == "OK", cancellationToken);
            var series = 0;
            foreach (var file in openMetricsFiles)
            {
                var (text, count) = ToPrometheusText(await File.ReadAllLinesAsync(file, cancellationToken));
                series += count;
                using var content = new StringContent(text, Encoding.UTF8, "text/plain");
                using var response = await http.PostAsync(new Uri("/api/v1/import/prometheus", UriKind.Relative), content, cancellationToken);
                response.EnsureSuccessStatusCode();
            }

            using (var flush = await http.GetAsync(new Uri("/internal/force_flush", UriKind.Relative), cancellationToken))
            {
                flush.EnsureSuccessStatusCode();
            }

            var probe = $"/api/v1/query?query={Uri.EscapeDataString("count(last_over_time({__name__=~\".+\"}[30d]))")}&time={probeTime.ToUnixTimeSeconds()}";
            await server.WaitAsync(http, probe, body => Count(body) >= series, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
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

    /// <summary>OpenMetrics lines (seconds) as Prometheus text lines (milliseconds), and how many distinct series they hold.</summary>
    private static (string Text, int Series) ToPrometheusText(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        var series = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var timestampAt = line.LastIndexOf(' ');
            var valueAt = line.LastIndexOf(' ', timestampAt - 1);
            var seconds = long.Parse(line.AsSpan(timestampAt + 1), NumberStyles.None, CultureInfo.InvariantCulture);
            series.Add(line[..valueAt]);
            text.Append(line, 0, timestampAt + 1).Append((seconds * 1000).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return (text.ToString(), series.Count);
    }

    private static double Count(string body)
    {
        using var json = JsonDocument.Parse(body);
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0
            ? 0
            : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    private async Task WaitAsync(HttpClient http, string path, Func<string, bool> ready, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyDeadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"victoria-metrics exited with code {_process.ExitCode}:\n{Log()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode && ready(await response.Content.ReadAsStringAsync(cancellationToken)))
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

        throw new TimeoutException($"victoria-metrics did not answer {path} as expected within {ReadyDeadline.TotalSeconds:0}s:\n{Log()}");
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
