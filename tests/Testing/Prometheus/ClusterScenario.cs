using RightSizer.Api.Units;

namespace RightSizer.Testing.Prometheus;

/// <summary>
/// A small cluster's last day, as cAdvisor (scraped by two jobs) and kube-state-metrics export it: a Deployment whose
/// pod was replaced half-way and OOM-killed, a CronJob's pod, and a namespace with a hostile pod name. Usage samples
/// sit 60 s after each 5-minute step boundary so that each step of a range query sees exactly one of them.
/// </summary>
public sealed class ClusterScenario
{
    public const int UsageSamples = 288;
    public const string Shop = "shop";
    public const string Batch = "batch";
    public const string Hostile = "hostile";
    public const string WebPodA = "web-7d9f8c6b5-aaaaa";
    public const string WebPodB = "web-7d9f8c6b5-bbbbb";
    public const string NightlyPod = "nightly-29000000-abcde";
    public const string HostilePod = "x\"} or up{job=~\".+";
    public const string VictimPod = "victim";
    public const string Runtimes = "runtimes";
    public const string JvmPod = "api-0";
    public const string DotNetPod = "orders-0";
    public const string JvmImage = "eclipse-temurin:21-jre";
    public const long StepSeconds = 300;

    /// <summary>A namespace whose kube-state-metrics is scraped every 30 minutes, far beyond Prometheus' 5-minute lookback.</summary>
    public const string Sparse = "sparse";
    public const string SparsePod = "slow-0";
    public const long SparseKsmIntervalSeconds = 1800;

    /// <summary>A namespace holding the same container in two clusters, told apart only by the <c>cluster</c> label.</summary>
    public const string Multi = "multi";
    public const string MultiPod = "api-0";

    public ClusterScenario(DateTimeOffset now)
    {
        // Backfilled blocks must lie before the head block (about the last 2h) to be queryable.
        var end = (now - TimeSpan.FromHours(3)).ToUnixTimeSeconds() / StepSeconds * StepSeconds;
        End = DateTimeOffset.FromUnixTimeSeconds(end);
        OomKillAt = StartSeconds + (20 * 3600) + 90;
        SparseOomKillAt = StartSeconds + (10 * 3600) + 90;
    }

    public long SparseOomKillAt { get; }

    /// <summary>The first 30-minute kube-state-metrics sample after the sparse kill; a step point, as 30 minutes are whole steps.</summary>
    public long ExpectedSparseOomStep => StartSeconds + ((SparseOomKillAt - StartSeconds + SparseKsmIntervalSeconds - 1) / SparseKsmIntervalSeconds * SparseKsmIntervalSeconds);

    public static Memory SparseMemoryLimit => Memory.FromMiB(128);

    public static double SparseWorkingSet(int k) => Memory.FromMiB(90).Bytes + k;

    /// <summary>The multi-cluster container's usage in the cluster named <paramref name="cluster"/>.</summary>
    public static double MultiWorkingSet(string cluster, int k) => Memory.FromMiB(cluster == "prod" ? 200 : 50).Bytes + k;

    public DateTimeOffset End { get; }

    public static TimeSpan Window => TimeSpan.FromDays(1);

    public long StartSeconds => End.ToUnixTimeSeconds() - (long)Window.TotalSeconds;

    public long OomKillAt { get; }

    /// <summary>The first kube-state-metrics sample showing the restart, and the first step that sees it.</summary>
    public long ExpectedOomStep
    {
        get
        {
            var firstSample = StartSeconds + ((OomKillAt - StartSeconds + 59) / 60 * 60);
            return StartSeconds + ((firstSample - StartSeconds + StepSeconds - 1) / StepSeconds * StepSeconds);
        }
    }

    public static Memory WebMemoryRequest => Memory.FromMiB(256);

    public static Memory WebMemoryLimit => Memory.FromMiB(512);

    public static Memory NightlyMemory => Memory.FromGiB(1);

    public static double PodAggregateValue => Memory.FromMiB(5000).Bytes;

    public long UsageTime(int k) => StartSeconds + (k * StepSeconds) + 60;

    /// <summary>Working set of the web container (kubelet job); pod A runs the first half of the day, pod B the second.</summary>
    public static double WebWorkingSet(int k) => Memory.FromMiB(k < UsageSamples / 2 ? 100 + (k % 50) : 300 + (k % 50)).Bytes;

    public static double Rss(double workingSet) => workingSet / 2;

    public static double NightlyWorkingSet(int k) => Memory.FromMiB(500).Bytes + k;

    public static double HostileWorkingSet(int k) => Memory.FromMiB(64).Bytes + k;

    public static double VictimWorkingSet(int k) => Memory.FromMiB(32).Bytes + k;

    public static double JvmWorkingSet(int k) => Memory.FromMiB(700).Bytes + k;

    /// <summary>The JVM's two heap pools; their sum is the heap.</summary>
    public static double EdenUsed(int k) => Memory.FromMiB(100).Bytes + (k * 1000);

    public static double OldGenUsed(int k) => Memory.FromMiB(300).Bytes + k;

    /// <summary>The .NET GC heap per generation; their sum is the heap.</summary>
    public static double Gen0Size(int k) => Memory.FromMiB(20).Bytes + k;

    public static double Gen2Size(int k) => Memory.FromMiB(180).Bytes + k;

    public void Write(string path)
    {
        using var writer = new OpenMetricsWriter(path);
        WriteUsage(writer, Shop, WebPodA, "app", Enumerable.Range(0, UsageSamples / 2), WebWorkingSet, withDuplicates: true);
        WriteUsage(writer, Shop, WebPodB, "app", Enumerable.Range(UsageSamples / 2, UsageSamples / 2), WebWorkingSet, withDuplicates: true);
        WriteUsage(writer, Batch, NightlyPod, "worker", Enumerable.Range(0, UsageSamples), NightlyWorkingSet, withDuplicates: false);
        WriteUsage(writer, Hostile, HostilePod, "c", Enumerable.Range(0, UsageSamples), HostileWorkingSet, withDuplicates: false);
        WriteUsage(writer, Hostile, VictimPod, "c", Enumerable.Range(0, UsageSamples), VictimWorkingSet, withDuplicates: false);
        writer.Series(
            "container_memory_working_set_bytes",
            [("id", "/"), ("image", string.Empty), ("name", string.Empty), ("namespace", string.Empty), ("pod", string.Empty), ("container", string.Empty), ("job", "kubelet")],
            Usage(Enumerable.Range(0, UsageSamples), _ => PodAggregateValue * 10));

        foreach (var pod in new[] { WebPodA, WebPodB })
        {
            Ksm(writer, "kube_pod_owner", [("namespace", Shop), ("pod", pod), ("uid", pod), ("owner_kind", "ReplicaSet"), ("owner_name", "web-7d9f8c6b5"), ("owner_is_controller", "true")]);
            Ksm(writer, "kube_pod_labels", [("namespace", Shop), ("pod", pod), ("uid", pod), ("label_app", "web"), ("label_tier", "frontend")]);
            Resources(writer, Shop, pod, "app", WebMemoryRequest, WebMemoryLimit, 0.25, 0.5);
        }

        Ksm(writer, "kube_replicaset_owner", [("namespace", Shop), ("replicaset", "web-7d9f8c6b5"), ("owner_kind", "Deployment"), ("owner_name", "web"), ("owner_is_controller", "true")]);
        Ksm(writer, "kube_pod_owner", [("namespace", Batch), ("pod", NightlyPod), ("uid", NightlyPod), ("owner_kind", "Job"), ("owner_name", "nightly-29000000"), ("owner_is_controller", "true")]);
        Ksm(writer, "kube_job_owner", [("namespace", Batch), ("job_name", "nightly-29000000"), ("owner_kind", "CronJob"), ("owner_name", "nightly"), ("owner_is_controller", "true")]);
        Ksm(writer, "kube_pod_labels", [("namespace", Batch), ("pod", NightlyPod), ("uid", NightlyPod), ("label_app", "nightly")]);
        Resources(writer, Batch, NightlyPod, "worker", NightlyMemory, NightlyMemory, 1, 1);
        foreach (var (pod, app) in new[] { (HostilePod, "evil"), (VictimPod, "victim") })
        {
            Ksm(writer, "kube_pod_owner", [("namespace", Hostile), ("pod", pod), ("uid", "u"), ("owner_kind", string.Empty), ("owner_name", string.Empty), ("owner_is_controller", string.Empty)]);
            Ksm(writer, "kube_pod_labels", [("namespace", Hostile), ("pod", pod), ("uid", "u"), ("label_app", app)]);
        }

        WriteRuntimes(writer);
        WriteSparse(writer);
        foreach (var cluster in new[] { "prod", "dev" })
        {
            writer.Series(
                "container_memory_working_set_bytes",
                [("cluster", cluster), ("id", "/kubepods/api"), ("image", "registry.example/api:1"), ("namespace", Multi), ("pod", MultiPod), ("container", "api"), ("job", "kubelet")],
                Usage(Enumerable.Range(0, UsageSamples), k => MultiWorkingSet(cluster, k)));
        }

        var killed = new (string, string)[] { ("namespace", Shop), ("pod", WebPodB), ("uid", WebPodB), ("container", "app") };
        writer.Series("kube_pod_container_status_restarts_total", killed, KsmTimes().Select(t => (t, t >= OomKillAt ? 1.0 : 0.0)));
        writer.Series("kube_pod_container_status_last_terminated_reason", [.. killed, ("reason", "OOMKilled")], KsmTimes().Where(t => t >= OomKillAt).Select(t => (t, 1.0)));
    }

    /// <summary>
    /// A JVM StatefulSet pod whose application metrics carry no container label (pod-level scrape), and a .NET one whose
    /// do; both images known to kube-state-metrics. Non-heap JVM pools must not count as heap.
    /// </summary>
    private void WriteRuntimes(OpenMetricsWriter writer)
    {
        var all = Enumerable.Range(0, UsageSamples);
        WriteUsage(writer, Runtimes, JvmPod, "api", all, JvmWorkingSet, withDuplicates: false);
        WriteUsage(writer, Runtimes, DotNetPod, "orders", all, JvmWorkingSet, withDuplicates: false);
        foreach (var (pod, container, image) in new[] { (JvmPod, "api", JvmImage), (DotNetPod, "orders", "mcr.microsoft.com/dotnet/aspnet:10.0") })
        {
            Ksm(writer, "kube_pod_owner", [("namespace", Runtimes), ("pod", pod), ("uid", pod), ("owner_kind", "StatefulSet"), ("owner_name", pod[..^2]), ("owner_is_controller", "true")]);
            Ksm(writer, "kube_pod_container_info", [("namespace", Runtimes), ("pod", pod), ("uid", pod), ("container", container), ("image", image), ("image_id", "sha256:0"), ("container_id", "c")]);
        }

        (string, string)[] Jvm(string area, string pool) => [("namespace", Runtimes), ("pod", JvmPod), ("job", "apps"), ("area", area), ("id", pool)];
        writer.Series("jvm_memory_used_bytes", Jvm("heap", "G1 Eden Space"), Usage(all, EdenUsed));
        writer.Series("jvm_memory_used_bytes", Jvm("heap", "G1 Old Gen"), Usage(all, OldGenUsed));
        writer.Series("jvm_memory_used_bytes", Jvm("nonheap", "Metaspace"), Usage(all, _ => Memory.FromMiB(90).Bytes));
        (string, string)[] Gc(string generation) => [("namespace", Runtimes), ("pod", DotNetPod), ("container", "orders"), ("job", "apps"), ("generation", generation)];
        writer.Series("dotnet_gc_last_collection_heap_size_bytes", Gc("gen0"), Usage(all, Gen0Size));
        writer.Series("dotnet_gc_last_collection_heap_size_bytes", Gc("gen2"), Usage(all, Gen2Size));
    }

    /// <summary>A bare pod OOM-killed once, whose kube-state-metrics series come every 30 minutes.</summary>
    private void WriteSparse(OpenMetricsWriter writer)
    {
        WriteUsage(writer, Sparse, SparsePod, "app", Enumerable.Range(0, UsageSamples), SparseWorkingSet, withDuplicates: false);
        var times = Enumerable.Range(0, (int)(Window.TotalSeconds / SparseKsmIntervalSeconds) + 1).Select(i => StartSeconds + (i * SparseKsmIntervalSeconds)).ToList();
        var container = new (string, string)[] { ("namespace", Sparse), ("pod", SparsePod), ("uid", SparsePod), ("container", "app"), ("job", "kube-state-metrics") };
        writer.Series("kube_pod_container_resource_limits", [.. container, ("resource", "memory"), ("unit", "byte")], times.Select(t => (t, (double)SparseMemoryLimit.Bytes)));
        writer.Series("kube_pod_container_status_restarts_total", container, times.Select(t => (t, t >= SparseOomKillAt ? 1.0 : 0.0)));
        writer.Series("kube_pod_container_status_last_terminated_reason", [.. container, ("reason", "OOMKilled")], times.Where(t => t >= SparseOomKillAt).Select(t => (t, 1.0)));
    }

    private IEnumerable<long> KsmTimes() => Enumerable.Range(0, ((int)Window.TotalSeconds / 60) + 1).Select(i => StartSeconds + (i * 60L));

    private void Ksm(OpenMetricsWriter writer, string metric, (string, string)[] labels) =>
        writer.Series(metric, [.. labels, ("job", "kube-state-metrics")], KsmTimes().Select(t => (t, 1.0)));

    private void Resources(OpenMetricsWriter writer, string ns, string pod, string container, Memory request, Memory limit, double cpuRequest, double cpuLimit)
    {
        foreach (var (metric, memory, cpu) in new[] { ("kube_pod_container_resource_requests", request, cpuRequest), ("kube_pod_container_resource_limits", limit, cpuLimit) })
        {
            writer.Series(metric, [("namespace", ns), ("pod", pod), ("uid", pod), ("container", container), ("node", "n1"), ("resource", "memory"), ("unit", "byte"), ("job", "kube-state-metrics")], KsmTimes().Select(t => (t, (double)memory.Bytes)));
            writer.Series(metric, [("namespace", ns), ("pod", pod), ("uid", pod), ("container", container), ("node", "n1"), ("resource", "cpu"), ("unit", "core"), ("job", "kube-state-metrics")], KsmTimes().Select(t => (t, cpu)));
        }
    }

    private IEnumerable<(long, double)> Usage(IEnumerable<int> steps, Func<int, double> value) =>
        steps.Select(k => (UsageTime(k), value(k)));

    /// <summary>
    /// The container's working set and RSS as kubelet's cAdvisor endpoint exports them, plus (optionally) the same
    /// container from a second job with lower values, the pod cgroup aggregate (<c>container=""</c>) and the sandbox
    /// (<c>container="POD"</c>), which a correct query ignores.
    /// </summary>
    private void WriteUsage(OpenMetricsWriter writer, string ns, string pod, string container, IEnumerable<int> steps, Func<int, double> value, bool withDuplicates)
    {
        var stepList = steps.ToList();
        var cgroup = $"/kubepods/burstable/pod-{pod.GetHashCode(StringComparison.Ordinal):x8}";
        (string, string)[] Labels(string c, string image, string job) =>
            [("id", $"{cgroup}/{c}"), ("image", image), ("name", $"k8s_{c}_{pod}"), ("namespace", ns), ("pod", pod), ("container", c), ("job", job), ("metrics_path", "/metrics/cadvisor")];

        writer.Series("container_memory_working_set_bytes", Labels(container, "registry.example/app:1", "kubelet"), Usage(stepList, value));
        writer.Series("container_memory_rss", Labels(container, "registry.example/app:1", "kubelet"), Usage(stepList, k => Rss(value(k))));
        if (withDuplicates)
        {
            writer.Series("container_memory_working_set_bytes", Labels(container, "registry.example/app:1", "cadvisor"), Usage(stepList, k => value(k) - Memory.MiB));
            writer.Series("container_memory_working_set_bytes", Labels(string.Empty, string.Empty, "kubelet"), Usage(stepList, _ => PodAggregateValue));
            writer.Series("container_memory_working_set_bytes", Labels("POD", "registry.k8s.io/pause:3.9", "kubelet"), Usage(stepList, _ => PodAggregateValue * 2));
        }
    }
}
