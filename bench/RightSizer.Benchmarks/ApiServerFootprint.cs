using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using RightSizer.Testing;
using RightSizer.Testing.KubeApi;

namespace RightSizer.Benchmarks;

/// <summary>
/// <c>apiserver</c>: the local Kubernetes API test server's footprint with a cluster-sized state. Loads N pods and M
/// MemoryPolicies over HTTPS, opens W watches on pods and W on policies, then measures a full pod list (unpaged and
/// in pages of 500: time and bytes), the fan-out of single writes to every watcher (time from sending the write to the
/// last watcher receiving its event, and the process's CPU time per write), and the process's RSS. Simulators are off,
/// so only the server's own work is measured; the client runs in the same process, so RSS includes it.
/// </summary>
internal static partial class ApiServerFootprint
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pods = Int(args, "--pods", 10_000);
        var policies = Int(args, "--policies", 1_000);
        var watchers = Int(args, "--watchers", 24);
        var writes = Int(args, "--writes", 200);
        var time = TimeProvider.System;

        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateControllers = false, SimulateNodes = false });
        await server.ApplyAsync(RepositoryRoot.File("config", "crds", "rightsizer.io_memorypolicies.yaml"));
        using var client = Client(server, pods);

        var loading = time.GetTimestamp();
        await CreateAllAsync(client, "/api/v1/namespaces/default/pods", pods, PodJson);
        await CreateAllAsync(client, "/apis/rightsizer.io/v1alpha1/namespaces/default/memorypolicies", policies, PolicyJson);
        Console.WriteLine(FormattableString.Invariant($"loaded {pods} pods and {policies} MemoryPolicies in {time.GetElapsedTime(loading).TotalSeconds:0.0} s"));

        Console.WriteLine();
        Console.WriteLine("| list | requests | bytes | p50 (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        await ListAsync(client, "full pod list, unpaged", null);
        await ListAsync(client, "full pod list, pages of 500", 500);

        var rv = await ListResourceVersionAsync(client);
        using var watchClient = Client(server, 2 * watchers);
        var podWatches = await Task.WhenAll(Enumerable.Range(0, watchers).Select(_ => WatchStream.OpenAsync(watchClient, $"/api/v1/pods?watch=true&resourceVersion={rv}")));
        var policyWatches = await Task.WhenAll(Enumerable.Range(0, watchers).Select(_ =>
            WatchStream.OpenAsync(watchClient, $"/apis/rightsizer.io/v1alpha1/memorypolicies?watch=true&resourceVersion={rv}")));

        Console.WriteLine();
        Console.WriteLine("| fan-out | watchers | writes | p50 (ms) | p99 (ms) | max (ms) | CPU per write (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        await FanOutAsync(client, "pod label patch", podWatches, writes, i => $"/api/v1/namespaces/default/pods/pod-{i % pods:00000}");
        await FanOutAsync(client, "MemoryPolicy label patch", policyWatches, writes, i => $"/apis/rightsizer.io/v1alpha1/namespaces/default/memorypolicies/policy-{i % policies:0000}");

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        GC.Collect();
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"RSS {process.WorkingSet64 / 1048576.0:0} MiB (peak {process.PeakWorkingSet64 / 1048576.0:0} MiB), managed heap after a full GC {GC.GetTotalMemory(true) / 1048576.0:0} MiB, open watches {server.OpenWatches}"));

        foreach (var watch in podWatches.Concat(policyWatches))
        {
            watch.Dispose();
        }

        return 0;
    }

    private static async Task CreateAllAsync(HttpClient client, string path, int count, Func<int, string> body)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                using var content = new StringContent(body(i), Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(path, content);
                response.EnsureSuccessStatusCode();
            }
        })));
    }

    private static async Task ListAsync(HttpClient client, string name, int? limit)
    {
        var time = TimeProvider.System;
        var durations = new List<double>();
        long bytes = 0;
        var requests = 0;
        for (var run = 0; run < 5; run++)
        {
            (bytes, requests) = (0, 0);
            var started = time.GetTimestamp();
            var next = "";
            do
            {
                var query = limit is { } l ? $"?limit={l}" + (next.Length > 0 ? $"&continue={Uri.EscapeDataString(next)}" : "") : "";
                var page = await client.GetByteArrayAsync("/api/v1/pods" + query);
                bytes += page.Length;
                requests++;
                next = limit is null ? "" : ContinueToken().Match(Encoding.UTF8.GetString(page, 0, Math.Min(page.Length, 4096))).Groups[1].Value;
            }
            while (next.Length > 0);
            durations.Add(time.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine(FormattableString.Invariant($"| {name} | {requests} | {bytes} | {Percentile(durations, 0.5):0.0} | {durations.Max():0.0} |"));
    }

    private static async Task FanOutAsync(HttpClient client, string name, WatchStream[] watches, int writes, Func<int, string> path)
    {
        var time = TimeProvider.System;
        using var process = Process.GetCurrentProcess();
        var latencies = new List<double>();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        for (var i = 0; i < writes; i++)
        {
            var started = time.GetTimestamp();
            using var patch = new StringContent("{\"metadata\":{\"labels\":{\"seq\":\"" + i.ToString(CultureInfo.InvariantCulture) + "\"}}}", Encoding.UTF8);
            patch.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
            using var response = await client.PatchAsync(path(i), patch);
            response.EnsureSuccessStatusCode();
            var last = 0L;
            foreach (var watch in watches)
            {
                last = Math.Max(last, await watch.NextEventAsync());
            }

            latencies.Add((last - started) * 1000.0 / time.TimestampFrequency);
        }

        process.Refresh();
        var cpuPerWrite = (process.TotalProcessorTime - cpu).TotalMilliseconds / writes;
        Console.WriteLine(FormattableString.Invariant(
            $"| {name} | {watches.Length} | {writes} | {Percentile(latencies, 0.5):0.00} | {Percentile(latencies, 0.99):0.00} | {latencies.Max():0.00} | {cpuPerWrite:0.00} |"));
    }

    private static async Task<string> ListResourceVersionAsync(HttpClient client)
    {
        var head = await client.GetStringAsync("/api/v1/pods?limit=1");
        return ResourceVersion().Match(head).Groups[1].Value;
    }

    private static string PodJson(int i) => $$$$"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"pod-{{{{i:00000}}}}","labels":{"app":"app-{{{{i % 500}}}}","pod-template-hash":"7d9f8c6b5"},
         "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"app-{{{{i % 500}}}}-7d9f8c6b5","uid":"6b0c6a5e-0000-4000-8000-{{{{i % 500:000000000000}}}}","controller":true}]},
         "spec":{"nodeName":"node-{{{{i % 100}}}}","containers":[{"name":"app","image":"registry.example/app:1.{{{{i % 7}}}}","ports":[{"containerPort":8080}],
           "env":[{"name":"JAVA_TOOL_OPTIONS","value":"-XX:MaxRAMPercentage=75"}],
           "resources":{"requests":{"memory":"256Mi","cpu":"100m"},"limits":{"memory":"512Mi"}}}]}}
        """;

    private static string PolicyJson(int i) => $$$"""
        {"apiVersion":"rightsizer.io/v1alpha1","kind":"MemoryPolicy","metadata":{"name":"policy-{{{i:0000}}}"},
         "spec":{"targetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"app-{{{i % 500}}}"},"mode":"Off"}}
        """;

    private static HttpClient Client(LocalKubeApiServer server, int connections)
    {
        var ca = X509Certificate2.CreateFromPem(server.CaCertificatePem);
        var token = BearerToken().Match(File.ReadAllText(server.KubeconfigPath)).Groups[1].Value;
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    return certificate is X509Certificate2 leaf && chain.Build(leaf);
                },
            },
        })
        { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1))];
    }

    private static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex("\"continue\":\"([^\"]*)\"")]
    private static partial Regex ContinueToken();

    [GeneratedRegex("\"resourceVersion\":\"(\\d+)\"")]
    private static partial Regex ResourceVersion();

    [GeneratedRegex(@"token: (\S+)")]
    private static partial Regex BearerToken();
}
