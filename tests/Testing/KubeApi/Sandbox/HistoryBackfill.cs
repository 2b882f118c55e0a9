using System.Globalization;
using System.IO.Compression;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Testing.KubeApi.Sandbox;

/// <summary>
/// Turns a history file (<c>series,timestamp,working_set_bytes</c>, optionally gzipped) into cAdvisor's
/// container_memory_working_set_bytes series of one pod per history series in a namespace, shifted so the history ends
/// three hours ago (backfilled blocks must lie before Prometheus' head block).
/// </summary>
public static class HistoryBackfill
{
    public static string WriteOpenMetrics(string historyFile, string ns, string directory, DateTimeOffset now)
    {
        var series = new SortedDictionary<string, List<(long Timestamp, double Value)>>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(historyFile))
        using (var reader = new StreamReader(historyFile.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var parts = line.Split(',');
                if (!series.TryGetValue(parts[0], out var samples))
                {
                    samples = [];
                    series[parts[0]] = samples;
                }

                samples.Add((long.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture)));
            }
        }

        var last = series.Values.SelectMany(s => s).Max(s => s.Timestamp);
        var shift = (now - TimeSpan.FromHours(3)).ToUnixTimeSeconds() - last;
        var path = Path.Combine(directory, "history.om");
        using var writer = new OpenMetricsWriter(path);
        foreach (var (name, samples) in series)
        {
            writer.Series(
                "container_memory_working_set_bytes",
                [("namespace", ns), ("pod", name + "-0"), ("container", "app"), ("image", "app:1"), ("job", "kubelet"), ("metrics_path", "/metrics/cadvisor")],
                samples.Select(s => (s.Timestamp + shift, s.Value)));
        }

        return path;
    }
}
