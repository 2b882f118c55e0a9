using System.Diagnostics;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Prometheus;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

/// <summary>
/// The scale measurement: 1,000 containers (in 100 namespaces, 2 containers per Deployment pod) x 14 days at 5-minute
/// resolution, backfilled into a real Prometheus, read in one scan by the source, then recommended for by the real
/// <c>rightsizer recommend --prometheus-url</c> executable. Explicit: run it with <c>scripts/prometheus-scale.sh</c>,
/// which builds the executable first.
/// </summary>
[Explicit("scale measurement; run scripts/prometheus-scale.sh")]
[Category("Scale")]
public sealed class PrometheusScaleTests
{
    private const int Namespaces = 100;
    private const int PodsPerNamespace = 5;
    private const int ContainersPerPod = 2;
    private const long Step = 300;
    private static readonly TimeSpan Window = TimeSpan.FromDays(14);

    [Test]
    public async Task ReadAsync_ThousandContainersFourteenDays_WithinRequestAndTimeBudget()
    {
        var directory = Directory.CreateTempSubdirectory("rightsizer-prometheus-scale-").FullName;
        var end = (TimeProvider.System.GetUtcNow() - TimeSpan.FromHours(3)).ToUnixTimeSeconds() / 7200 * 7200;
        var start = end - (long)Window.TotalSeconds;

        var setup = Stopwatch.StartNew();
        var files = WriteHistory(directory, start, end);
        await using var server = await PrometheusServer.StartAsync(directory, files);
        var setupTime = setup.Elapsed;

        var stats = new PrometheusTransferStats();
        using var http = PrometheusHttpClientFactory.Create(new PrometheusClientOptions { BaseUrl = server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) }, stats);
        var source = new PrometheusHistorySource(http);
        var scan = Stopwatch.StartNew();
        var containers = 0;
        var samples = 0L;
        await foreach (var history in source.ReadAsync(new HistoryQuery(DateTimeOffset.FromUnixTimeSeconds(end), Window), CancellationToken.None))
        {
            containers++;
            samples += history.Usage.Length;
        }

        var scanTime = scan.Elapsed;
        await TestContext.Out.WriteLineAsync(
            $"prometheus-scale: containers={containers} samples={samples} requests={stats.Requests} " +
            $"request_bytes={stats.RequestBytes} response_bytes={stats.ResponseBytes} scan_seconds={scanTime.TotalSeconds:0.0} " +
            $"setup_seconds={setupTime.TotalSeconds:0.0}");
        Assert.That(containers, Is.EqualTo(Namespaces * PodsPerNamespace * ContainersPerPod));
        Assert.That(samples, Is.EqualTo(containers * (end - start) / Step));
        Assert.That(stats.Requests, Is.LessThanOrEqualTo(30));
        Assert.That(scanTime, Is.LessThan(TimeSpan.FromSeconds(60)));

        var (cliTime, recommended, statsLine) = await RunCliAsync(server.BaseUrl, end);
        await TestContext.Out.WriteLineAsync(
            $"prometheus-scale: cli=rightsizer recommend --prometheus-url {server.BaseUrl} --as-of {end} -o json --stats; " +
            $"recommendations={recommended} wall_seconds={cliTime.TotalSeconds:0.0} {statsLine}");
        Assert.That(recommended, Is.EqualTo(containers));
        Assert.That(int.Parse(statsLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), Is.LessThanOrEqualTo(30));
        Assert.That(cliTime, Is.LessThan(TimeSpan.FromSeconds(60)));
    }

    /// <summary>Runs the built rightsizer executable as a user would, and reads its JSON and its --stats line.</summary>
    private static async Task<(TimeSpan Wall, int Recommendations, string StatsLine)> RunCliAsync(Uri prometheus, long asOf)
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RightSizer.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root!.FullName, "src", "Operator", "bin", "Release", "net10.0", "rightsizer.dll");
        Assert.That(File.Exists(dll), Is.True, $"{dll} is missing: build it with 'dotnet build src/Operator -c Release' (scripts/prometheus-scale.sh does)");
        var start = new ProcessStartInfo("dotnet", [dll, "recommend", "--prometheus-url", prometheus.ToString(), "--as-of", asOf.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", "json", "--stats", "--timeout", "60s"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = clock.Elapsed;
        Assert.That(process.ExitCode, Is.Zero, await error);
        using var json = System.Text.Json.JsonDocument.Parse(await output);
        var statsLine = (await error).Split('\n').Single(line => line.StartsWith("prometheus:", StringComparison.Ordinal));
        return (wall, json.RootElement.GetProperty("recommendations").GetArrayLength(), statsLine.Trim());
    }

    /// <summary>
    /// One OpenMetrics file per 2-hour block: promtool re-reads its whole input for every block it cuts, so one
    /// 14-day file would be parsed 168 times.
    /// </summary>
    private static List<string> WriteHistory(string directory, long start, long end)
    {
        var files = new List<string>();
        for (var blockStart = start; blockStart < end; blockStart += 7200)
        {
            var file = Path.Combine(directory, $"block-{blockStart}.om");
            using (var writer = new OpenMetricsWriter(file))
            {
                var times = Enumerable.Range(0, 24).Select(i => blockStart + (i * Step) + 60).Where(t => t < end).ToList();
                for (var n = 0; n < Namespaces; n++)
                {
                    WriteNamespace(writer, $"team-{n:D3}", times);
                }
            }

            files.Add(file);
        }

        return files;
    }

    private static void WriteNamespace(OpenMetricsWriter writer, string ns, List<long> times)
    {
        for (var p = 0; p < PodsPerNamespace; p++)
        {
            var deployment = $"app-{p}";
            var replicaSet = $"{deployment}-5d8f7c9b4";
            var pod = $"{replicaSet}-x{p:D4}";
            for (var c = 0; c < ContainersPerPod; c++)
            {
                var container = c == 0 ? "main" : "sidecar";
                var baseline = (64 + (p * 32) + (c * 8)) * 1024.0 * 1024;
                writer.Series(
                    "container_memory_working_set_bytes",
                    [("id", $"/kubepods/burstable/pod{pod}/{container}"), ("image", "registry.example/app:1"), ("name", $"k8s_{container}_{pod}"), ("namespace", ns), ("pod", pod), ("container", container), ("job", "kubelet")],
                    times.Select(t => (t, baseline + ((t / Step) % 288 * 4096.0))));
                writer.Series(
                    "kube_pod_container_resource_requests",
                    [("namespace", ns), ("pod", pod), ("container", container), ("resource", "memory"), ("unit", "byte"), ("job", "kube-state-metrics")],
                    times.Select(t => (t, baseline * 2)));
            }

            writer.Series("kube_pod_owner", [("namespace", ns), ("pod", pod), ("owner_kind", "ReplicaSet"), ("owner_name", replicaSet), ("owner_is_controller", "true")], times.Select(t => (t, 1.0)));
            writer.Series("kube_replicaset_owner", [("namespace", ns), ("replicaset", replicaSet), ("owner_kind", "Deployment"), ("owner_name", deployment), ("owner_is_controller", "true")], times.Select(t => (t, 1.0)));
        }
    }
}
