namespace RightSizer.Testing.Prometheus;

/// <summary>
/// The past of workloads a test is about to create, as cAdvisor and kube-state-metrics would have exported it: for each
/// Deployment container, one or more earlier pods (owned by an earlier ReplicaSet of that Deployment) with a working-set sample
/// every 5 minutes over <see cref="Window"/>, ending three hours ago (backfilled blocks must lie before Prometheus' head
/// block). The operator attributes it to the Deployment through the owner series, whatever pods run today.
/// </summary>
public sealed class WorkloadHistory
{
    public const long StepSeconds = 300;

    private readonly List<DeploymentSeries> _deployments = [];

    public WorkloadHistory(DateTimeOffset now)
    {
        End = DateTimeOffset.FromUnixTimeSeconds((now - TimeSpan.FromHours(3)).ToUnixTimeSeconds() / StepSeconds * StepSeconds);
    }

    /// <summary>Two days: more than the default minSamples (288 five-minute steps) asks for.</summary>
    public static TimeSpan Window => TimeSpan.FromDays(2);

    public DateTimeOffset End { get; }

    /// <summary>The number of samples each series holds.</summary>
    public static int Samples => (int)(Window.TotalSeconds / StepSeconds);

    /// <summary>
    /// Adds a Deployment container whose working set at sample <c>k</c> (0 = oldest) is <paramref name="workingSetBytes"/>,
    /// in each of <paramref name="replicas"/> earlier pods.
    /// </summary>
    public WorkloadHistory Deployment(string ns, string deployment, string container, Func<int, double> workingSetBytes, int replicas = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        _deployments.Add(new DeploymentSeries(ns, deployment, container, workingSetBytes, replicas));
        return this;
    }

    /// <summary>Writes the OpenMetrics file that <see cref="PrometheusServer.StartAsync"/> backfills; returns its path.</summary>
    public string Write(string directory)
    {
        var path = Path.Combine(directory, "workloads.om");
        var start = End.ToUnixTimeSeconds() - (long)Window.TotalSeconds;
        var times = Enumerable.Range(0, Samples).Select(k => (K: k, T: start + (k * StepSeconds))).ToList();
        using var writer = new OpenMetricsWriter(path);
        foreach (var d in _deployments.DistinctBy(d => (d.Namespace, d.Name)))
        {
            writer.Series(
                "kube_replicaset_owner",
                [("namespace", d.Namespace), ("replicaset", d.ReplicaSet), ("owner_kind", "Deployment"), ("owner_name", d.Name), ("owner_is_controller", "true"), ("job", "kube-state-metrics")],
                times.Select(s => (s.T, 1.0)));
            foreach (var pod in d.Pods)
            {
                writer.Series(
                    "kube_pod_owner",
                    [("namespace", d.Namespace), ("pod", pod), ("uid", pod), ("owner_kind", "ReplicaSet"), ("owner_name", d.ReplicaSet), ("owner_is_controller", "true"), ("job", "kube-state-metrics")],
                    times.Select(s => (s.T, 1.0)));
            }
        }

        foreach (var d in _deployments)
        {
            foreach (var pod in d.Pods)
            {
                writer.Series(
                    "container_memory_working_set_bytes",
                    [("namespace", d.Namespace), ("pod", pod), ("container", d.Container), ("image", "registry.example/app:1"), ("job", "kubelet"), ("metrics_path", "/metrics/cadvisor")],
                    times.Select(s => (s.T, d.WorkingSet(s.K))));
            }
        }

        return path;
    }

    private sealed record DeploymentSeries(string Namespace, string Name, string Container, Func<int, double> WorkingSet, int Replicas)
    {
        /// <summary>A ReplicaSet of an earlier rollout: a pod-template-hash no pod of today's template has.</summary>
        public string ReplicaSet => $"{Name}-5f6d7c8b9";

        public IEnumerable<string> Pods => Enumerable.Range(0, Replicas).Select(r => $"{ReplicaSet}-hist{r}");
    }
}
