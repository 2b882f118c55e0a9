using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using RightSizer.Api.Units;
using RightSizer.Testing;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Benchmarks;

/// <summary>
/// <c>footprint</c>: the real <c>rightsizer operator</c> as a process against the local API server holding N
/// MemoryPolicies, each over a Deployment of R pods (the Deployment, its ReplicaSet and pods written as their
/// controllers would leave them, the pods Pending), and a real Prometheus holding two days of history of H earlier pods per Deployment (one by
/// default: ten pods' worth of OpenMetrics for 1,000 workloads is 2.5 GB, which promtool backfills too slowly). Reports the operator's RSS (read once a second through a cycle), CPU per
/// recommendation cycle, the Prometheus requests and bytes of a cycle (from its own metrics) and the time from a spec
/// change to the status that observes it. Several N in one run show whether the Prometheus cost grows with N.
/// </summary>
internal static partial class OperatorFootprint
{
    private const string Group = "rightsizer.io";
    private const string Version = "v1alpha1";
    private const string Plural = "memorypolicies";
    private const int PoliciesPerNamespace = 10;
    private const int SpecChanges = 10;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(15);

    // The runtime settings the Dockerfile gives the operator, so the process measured is the one that ships.
    private static readonly Dictionary<string, string> ImageEnvironment = new()
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_EnableDiagnostics"] = "0",
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
        ["DOTNET_GCHeapHardLimit"] = "0xC000000",
        ["DOTNET_GCConserveMemory"] = "5",
        ["DOTNET_GCgen0size"] = "0x200000",
        ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
        ["MALLOC_ARENA_MAX"] = "2",
    };

    // Polls that list every policy or deployment, or scrape /metrics, run once a second so they do not load the operator under test.
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--policies", "100,1000").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var replicas = int.Parse(Option(args, "--pods-per-policy", "10"), CultureInfo.InvariantCulture);
        var historyPods = int.Parse(Option(args, "--history-pods-per-policy", "1"), CultureInfo.InvariantCulture);
        // By default the rightsizer.dll built beside the benchmark, run by `dotnet`; --operator-exe names an executable to
        // run instead, such as the self-contained publish the image ships (artifacts/publish/rightsizer, `make publish`).
        var operatorExe = Option(args, "--operator-exe", string.Empty);
        var command = operatorExe.Length > 0
            ? new OperatorCommand(Path.GetFullPath(operatorExe), [])
            : new OperatorCommand("dotnet", [Path.Combine(AppContext.BaseDirectory, "rightsizer.dll")]);
        // --operator-env K=V,K=V adds runtime settings to the image's, to measure what a setting is worth.
        var environment = new Dictionary<string, string>(ImageEnvironment);
        foreach (var setting in Option(args, "--operator-env", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            environment[name] = value;
        }

        Console.WriteLine("| policies | pods | first status for all (s) | RSS over a cycle, median / max (MiB) | the median's anon / file / shmem (MiB) | peak RSS (MiB) | CPU per cycle (s) | Prometheus requests per cycle | Prometheus bytes per cycle | spec change to status, median / max (s) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var policies in sizes)
        {
            var row = await MeasureAsync(policies, replicas, historyPods, command, environment);
            Console.WriteLine(row);
        }

        return 0;
    }

    private static async Task<string> MeasureAsync(int policies, int replicas, int historyPods, OperatorCommand command, IReadOnlyDictionary<string, string> environment)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var cancellationToken = deadline.Token;
        var workloads = Enumerable.Range(0, policies).Select(i => (Namespace: $"team-{i / PoliciesPerNamespace:D3}", Name: $"svc-{i:D4}", Base: 64 + (i % 200))).ToList();

        var directory = Directory.CreateTempSubdirectory("rightsizer-footprint-").FullName;
        var history = new WorkloadHistory(TimeProvider.System.GetUtcNow());
        foreach (var w in workloads)
        {
            history.Deployment(w.Namespace, w.Name, "app", k => Memory.FromMiB(w.Base + (k % 24)).Bytes, historyPods);
        }

        await using var prometheus = await PrometheusServer.StartAsync(directory, [history.Write(directory)], cancellationToken);
        // The controllers' and nodes' simulation re-read every object on each change, which at 10,000 pods takes longer
        // than the measurement; the workloads are written as their controllers would leave them, and the pods stay
        // Pending (the operator sizes from history, whatever the pods' phase).
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateControllers = false, SimulateNodes = false });
        await server.ApplyAsync(RepositoryRoot.File("config", "crds", "rightsizer.io_memorypolicies.yaml"), cancellationToken);
        var client = server.CreateClient();
        await CreateWorkloadsAsync(client, workloads, replicas, cancellationToken);

        var kubeconfig = server.AddUser("system:serviceaccount:rightsizer-system:rightsizer-controller-manager");
        await using var operatorProcess = ServerProcess.Start(
            command.Binary,
            "operator",
            [
                .. command.Arguments, "operator", $"--kubeconfig={kubeconfig}", $"--prometheus-url={prometheus.BaseUrl}",
                "--metrics-bind-address=127.0.0.1:0", "--health-probe-bind-address=127.0.0.1:0", "--webhook-bind-address=0",
                "--recommendation-interval=1m", "--log-format=json",
            ],
            environment);
        var metricsLine = await operatorProcess.WaitForLineAsync(l => ListeningMetrics().IsMatch(l), TimeSpan.FromMinutes(1), cancellationToken);
        var metrics = new Uri($"http://127.0.0.1:{ListeningMetrics().Match(metricsLine).Groups["port"].Value}/metrics");
        using var http = new HttpClient();

        var started = Stopwatch.StartNew();
        await WaitUntilAsync(async () => (await ListPoliciesAsync(client, cancellationToken)).All(p => p["status"]?["lastRecommendationTime"] is not null), cancellationToken, Slow);
        var firstStatus = started.Elapsed;

        // One whole cycle between two scans: CPU from /proc, the cycle's Prometheus cost from the operator's gauges.
        var scans = await ScansAsync(http, metrics, cancellationToken);
        await WaitUntilAsync(async () => await ScansAsync(http, metrics, cancellationToken) > scans, cancellationToken, Slow);
        var cpuAtStart = CpuSeconds(operatorProcess.Id);
        // The RSS once a second through the cycle: one reading lands anywhere between a collection and the next, so
        // the median and the largest of the cycle's readings are reported.
        var readings = new List<(long Total, long Anonymous, long File, long Shared, long Peak)>();
        using (var second = new PeriodicTimer(Slow))
        {
            do
            {
                readings.Add(Rss(operatorProcess.Id));
                await second.WaitForNextTickAsync(cancellationToken);
            }
            while (await ScansAsync(http, metrics, cancellationToken) <= scans + 1);
        }

        var cpuPerCycle = CpuSeconds(operatorProcess.Id) - cpuAtStart;
        var exposition = await http.GetStringAsync(metrics, cancellationToken);
        var requests = Gauge(exposition, "rightsizer_prometheus_requests_last_cycle");
        var bytes = Gauge(exposition, "rightsizer_prometheus_bytes_last_cycle_bytes");
        readings.Sort((a, b) => a.Total.CompareTo(b.Total));
        var median = readings[readings.Count / 2];
        var peak = Rss(operatorProcess.Id).Peak;
        if (Environment.GetEnvironmentVariable("FOOTPRINT_SMAPS") is { Length: > 0 } smapsPath)
        {
            File.Copy($"/proc/{operatorProcess.Id}/smaps", smapsPath, overwrite: true);
        }

        var latencies = new List<double>();
        for (var change = 0; change < SpecChanges; change++)
        {
            var (ns, name, _) = workloads[(change * 7919) % workloads.Count];
            var patch = new JsonObject { ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["containerName"] = "app", ["maxAllowed"] = $"{4 + change}Gi" }) } };
            var clock = Stopwatch.StartNew();
            var patched = JsonNode.Parse(((System.Text.Json.JsonElement)await client.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), Group, Version, ns, Plural, name, cancellationToken: cancellationToken)).GetRawText())!;
            var generation = patched["metadata"]!["generation"]!.GetValue<long>();
            await WaitUntilAsync(
                async () =>
                {
                    var policy = JsonNode.Parse(((System.Text.Json.JsonElement)await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, ns, Plural, name, cancellationToken)).GetRawText())!;
                    return policy["status"]?["observedGeneration"]?.GetValue<long>() >= generation;
                },
                cancellationToken);
            latencies.Add(clock.Elapsed.TotalSeconds);
        }

        latencies.Sort();
        return FormattableString.Invariant(
            $"| {policies} | {policies * replicas} | {firstStatus.TotalSeconds:0.0} | {Mib(median.Total)} / {Mib(readings[^1].Total)} | {Mib(median.Anonymous)} / {Mib(median.File)} / {Mib(median.Shared)} | {Mib(peak)} | {cpuPerCycle:0.00} | {requests:0} | {bytes:0} | {latencies[latencies.Count / 2]:0.00} / {latencies[^1]:0.00} |");
    }

    private static async Task CreateWorkloadsAsync(IKubernetes client, IReadOnlyList<(string Namespace, string Name, int Base)> workloads, int replicas, CancellationToken cancellationToken)
    {
        foreach (var ns in workloads.Select(w => w.Namespace).Distinct())
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: cancellationToken);
        }

        await Parallel.ForEachAsync(workloads, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (w, token) =>
        {
            var labels = new Dictionary<string, string> { ["app"] = w.Name };
            var template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = labels },
                Spec = new V1PodSpec
                {
                    Containers = [new V1Container
                    {
                        Name = "app",
                        Image = "registry.example/app:1",
                        Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new("256Mi") } },
                    }],
                },
            };
            var deployment = await client.AppsV1.CreateNamespacedDeploymentAsync(
                new V1Deployment
                {
                    Metadata = new V1ObjectMeta { Name = w.Name, NamespaceProperty = w.Namespace },
                    Spec = new V1DeploymentSpec { Replicas = replicas, Selector = new V1LabelSelector { MatchLabels = labels }, Template = template },
                },
                w.Namespace,
                cancellationToken: token);
            var replicaSet = await client.AppsV1.CreateNamespacedReplicaSetAsync(
                new V1ReplicaSet
                {
                    Metadata = new V1ObjectMeta { Name = $"{w.Name}-7c9d8b6f4", NamespaceProperty = w.Namespace, Labels = labels, OwnerReferences = [Owner(deployment)] },
                    Spec = new V1ReplicaSetSpec { Replicas = replicas, Selector = new V1LabelSelector { MatchLabels = labels }, Template = template },
                },
                w.Namespace,
                cancellationToken: token);
            for (var r = 0; r < replicas; r++)
            {
                await client.CoreV1.CreateNamespacedPodAsync(
                    new V1Pod
                    {
                        Metadata = new V1ObjectMeta { Name = $"{replicaSet.Metadata.Name}-p{r:D3}", NamespaceProperty = w.Namespace, Labels = labels, OwnerReferences = [Owner(replicaSet)] },
                        Spec = template.Spec,
                    },
                    w.Namespace,
                    cancellationToken: token);
            }

            var policy = new JsonObject
            {
                ["apiVersion"] = $"{Group}/{Version}",
                ["kind"] = "MemoryPolicy",
                ["metadata"] = new JsonObject { ["name"] = w.Name, ["namespace"] = w.Namespace },
                ["spec"] = new JsonObject
                {
                    ["targetRef"] = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = w.Name },
                    ["mode"] = "Off",
                },
            };
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(policy, Group, Version, w.Namespace, Plural, cancellationToken: token);
        });

        var expected = workloads.Count * replicas;
        await WaitUntilAsync(
            async () => (await client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: cancellationToken)).Items.Count >= expected,
            cancellationToken,
            Slow);
    }

    private static V1OwnerReference Owner<T>(T owner)
        where T : IKubernetesObject<V1ObjectMeta> =>
        new() { ApiVersion = owner.ApiVersion, Kind = owner.Kind, Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, Controller = true, BlockOwnerDeletion = true };

    private static async Task<List<JsonNode>> ListPoliciesAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        var list = JsonNode.Parse(((System.Text.Json.JsonElement)await client.CustomObjects.ListClusterCustomObjectAsync(Group, Version, Plural, cancellationToken: cancellationToken)).GetRawText())!;
        return [.. list["items"]!.AsArray().Select(item => item!)];
    }

    private static async Task<double> ScansAsync(HttpClient http, Uri metrics, CancellationToken cancellationToken) =>
        Gauge(await http.GetStringAsync(metrics, cancellationToken), "rightsizer_history_scans_total", "result=\"success\"");

    // The sum of the samples of the metric (those carrying the label given, if any); 0 when there is none.
    private static double Gauge(string exposition, string metric, string label = "") =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static double CpuSeconds(int pid)
    {
        // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, counted after the command's closing parenthesis.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    // VmRSS splits into anonymous memory (GC heap, native allocations, stacks), file mappings (the runtime and the
    // assemblies) and shared memory (JIT-compiled code, which W^X maps through memfd:doublemapper).
    private static (long Total, long Anonymous, long File, long Shared, long Peak) Rss(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Bytes(string key) => long.Parse(status.Single(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        return (Bytes("VmRSS:"), Bytes("RssAnon:"), Bytes("RssFile:"), Bytes("RssShmem:"), Bytes("VmHWM:"));
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? interval = null)
    {
        using var poll = new PeriodicTimer(interval ?? TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            await poll.WaitForNextTickAsync(cancellationToken);
        }
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    // The program that starts the operator and the arguments before rightsizer's own.
    private sealed record OperatorCommand(string Binary, IReadOnlyList<string> Arguments);

    [GeneratedRegex(@"Listening for metrics on [^""\s]*:(?<port>\d+)")]
    private static partial Regex ListeningMetrics();
}
