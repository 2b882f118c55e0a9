using RightSizer.Api.V1alpha1;
using RightSizer.Api.Units;
using RightSizer.Recommender.History;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// The PromQL texts the Prometheus history source sends, built from already-escaped matchers (see <see cref="PromQl"/>).
/// <c>scope</c> arguments are extra matchers such as <c>namespace=~"a|b"</c>, or empty for the whole cluster.
/// </summary>
public static class PrometheusQueries
{
    /// <summary>
    /// Keeps real containers: drops the pod cgroup aggregate and the sandbox (<c>container=""</c>, dockershim's
    /// <c>container="POD"</c>) and node/system slices (<c>image=""</c>).
    /// </summary>
    public const string ContainerFilter = "container!=\"\",container!=\"POD\",image!=\"\"";

    /// <summary>The series that identify a container across scrape jobs, restarts and kube-state-metrics.</summary>
    public const string ContainerLabels = "namespace, pod, container";

    public static string UsageMetric(MemorySignal signal) => signal switch
    {
        MemorySignal.RSS => "container_memory_rss",
        _ => "container_memory_working_set_bytes",
    };

    /// <summary>
    /// Instant query: how many containers (de-duplicated across scrape jobs) each namespace had during the window,
    /// so that range queries can be batched by series count.
    /// </summary>
    public static string SeriesPerNamespace(MemorySignal signal, string scope, TimeSpan window) =>
        $"count by (namespace) (max by ({ContainerLabels}) (last_over_time({UsageMetric(signal)}{{{Matchers(ContainerFilter, scope)}}}[{PromDuration.Format(window)}])))";

    /// <summary>
    /// Range query at <paramref name="step"/>: each container's peak within every step, the maximum over duplicate
    /// series (the same container scraped by two jobs, or a container restarted with a new cgroup id).
    /// </summary>
    public static string UsagePeaks(MemorySignal signal, string scope, TimeSpan step) =>
        $"max by ({ContainerLabels}) (max_over_time({UsageMetric(signal)}{{{Matchers(ContainerFilter, scope)}}}[{PromDuration.Format(step)}]))";

    /// <summary>Instant query: the pods (namespace, pod) that carried all the given labels during the window.</summary>
    public static string PodsWithLabels(IReadOnlyList<LabelRequirement> podLabels, string scope, TimeSpan window)
    {
        // Several matchers on one label are ANDed by PromQL too, so app=web,app=evil matches no pod.
        var labelMatchers = podLabels
            .OrderBy(requirement => requirement.Key, StringComparer.Ordinal)
            .ThenBy(requirement => requirement.Value, StringComparer.Ordinal)
            .Select(requirement => PromQl.Equal(PromQl.KubeStateMetricsLabel(requirement.Key), requirement.Value));
        return $"max by (namespace, pod) (last_over_time(kube_pod_labels{{{Matchers([.. labelMatchers, scope])}}}[{PromDuration.Format(window)}]))";
    }

    /// <summary>Instant query: each pod's controller (kind and name; empty for bare pods).</summary>
    public static string PodOwners(string scope, TimeSpan window) =>
        Owners("kube_pod_owner", "pod", scope, window);

    /// <summary>Instant query: each ReplicaSet's controller, to map ReplicaSet pods to their Deployment.</summary>
    public static string ReplicaSetOwners(string scope, TimeSpan window) =>
        Owners("kube_replicaset_owner", "replicaset", scope, window);

    /// <summary>Instant query: each Job's controller, to map Job pods to their CronJob.</summary>
    public static string JobOwners(string scope, TimeSpan window) =>
        Owners("kube_job_owner", "job_name", scope, window);

    /// <summary>Instant query: the last known CPU and memory requests of every container.</summary>
    public static string Requests(string scope, TimeSpan window) =>
        Resources("kube_pod_container_resource_requests", scope, window);

    /// <summary>Instant query: the last known CPU and memory limits of every container.</summary>
    public static string Limits(string scope, TimeSpan window) =>
        Resources("kube_pod_container_resource_limits", scope, window);

    /// <summary>
    /// Range query at <paramref name="step"/>: a point wherever a container restarted during the step and its last
    /// termination reason is OOMKilled. The value is the memory limit the container had then, or 0 when it had none
    /// (or kube-state-metrics did not report one). Restarts are the difference between the counter's newest value
    /// within <paramref name="lookback"/> now and one step earlier, rather than <c>increase()</c>, whose left-open
    /// windows would miss a restart that falls between two windows; and rather than instant selectors, whose 5-minute
    /// lookback finds nothing when kube-state-metrics is scraped less often. Any scrape interval up to the lookback
    /// is seen, and each restart yields exactly one point: the step in which its first sample lands.
    /// </summary>
    /// <param name="lookback">At least the longest kube-state-metrics scrape interval; raised to the step if shorter.</param>
    public static string OomKills(string scope, TimeSpan step, TimeSpan lookback)
    {
        var stepText = PromDuration.Format(step);
        var range = PromDuration.Format(lookback > step ? lookback : step);
        var restarts = $"kube_pod_container_status_restarts_total{{{Matchers(scope)}}}[{range}]";
        var restarted =
            $"(max by ({ContainerLabels}) (last_over_time({restarts})) - max by ({ContainerLabels}) (last_over_time({restarts} offset {stepText}))) > 0";
        var oomKilled =
            $"max by ({ContainerLabels}) (last_over_time(kube_pod_container_status_last_terminated_reason{{{Matchers("reason=\"OOMKilled\"", scope)}}}[{range}]))";
        var kills = $"(({restarted}) and on ({ContainerLabels}) {oomKilled})";
        var limit =
            $"max by ({ContainerLabels}) (last_over_time(kube_pod_container_resource_limits{{{Matchers("resource=\"memory\"", scope)}}}[{range}]))";
        return $"({limit} and on ({ContainerLabels}) {kills}) or ({kills} * 0)";
    }

    /// <summary>Instant query: each container's image, from kube-state-metrics, for JVM and .NET detection.</summary>
    public static string ContainerImages(string scope, TimeSpan window) =>
        $"max by ({ContainerLabels}, image) (last_over_time(kube_pod_container_info{{{Matchers("image!=\"\"", scope)}}}[{PromDuration.Format(window)}]))";

    /// <summary>
    /// Range query at <paramref name="step"/>: each container's managed-heap peak within every step, where the
    /// application exports one: the JVM's heap pools (<c>jvm_memory_used_bytes{area="heap"}</c>, Micrometer and the
    /// JMX exporter, summed over pools) or the .NET GC heap (<c>dotnet_gc_last_collection_heap_size_bytes</c> from the
    /// runtime's own meter, or <c>process_runtime_dotnet_gc_heap_size_bytes</c> from OpenTelemetry's instrumentation,
    /// summed over generations). Summing per-pool peaks can only overstate the heap, never understate it.
    /// </summary>
    public static string HeapPeaks(string scope, TimeSpan step)
    {
        var stepText = PromDuration.Format(step);
        string Peak(string metric, string filter) =>
            $"sum by ({ContainerLabels}) (max_over_time({metric}{{{Matchers(filter, scope)}}}[{stepText}]))";
        return $"{Peak("jvm_memory_used_bytes", "area=\"heap\"")} or {Peak("dotnet_gc_last_collection_heap_size_bytes", string.Empty)} or {Peak("process_runtime_dotnet_gc_heap_size_bytes", string.Empty)}";
    }

    private static string Owners(string metric, string objectLabel, string scope, TimeSpan window) =>
        $"max by (namespace, {objectLabel}, owner_kind, owner_name) (last_over_time({metric}{{{Matchers("owner_is_controller!=\"false\"", scope)}}}[{PromDuration.Format(window)}]))";

    private static string Resources(string metric, string scope, TimeSpan window) =>
        $"max by ({ContainerLabels}, resource) (last_over_time({metric}{{{Matchers("resource=~\"cpu|memory\"", scope)}}}[{PromDuration.Format(window)}]))";

    private static string Matchers(params string[] parts) =>
        string.Join(',', parts.Where(part => part.Length > 0));
}
