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
    private readonly ServerProcess _process;
    private readonly string _directory;

    private VictoriaMetricsServer(ServerProcess process, string directory, Uri baseUrl)
    {
        _process = process;
        _directory = directory;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Name => "victoria-metrics";

    /// <summary>Starts VictoriaMetrics, imports every file and waits until all their series are searchable.</summary>
    /// <param name="probeTime">A time inside the imported data, at which every series must be found.</param>
    public static async Task<VictoriaMetricsServer> StartAsync(string directory, IReadOnlyList<string> openMetricsFiles, DateTimeOffset probeTime, CancellationToken cancellationToken = default)
    {
        var binary = ServerProcess.FindTool("victoria-metrics", Missing);
        var port = ServerProcess.FreePort();
        var arguments = new[]
        {
            $"-storageDataPath={Path.Combine(directory, "vm-data")}",
            $"-httpListenAddr=127.0.0.1:{port}",
            "-retentionPeriod=100y",

            // Backfilled data: answer from storage, not from a cache filled before the import finished.
            "-search.disableCache",
            "-search.latencyOffset=0s",
        };
        var server = new VictoriaMetricsServer(ServerProcess.Start(binary, "victoria-metrics", arguments), directory, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            await server._process.WaitUntilAsync(http, new Uri("/health", UriKind.Relative), body => body.Trim() == "OK", cancellationToken);
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
            await server._process.WaitUntilAsync(http, new Uri(probe, UriKind.Relative), body => Count(body) >= series, cancellationToken);
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
        await _process.DisposeAsync();
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
}
