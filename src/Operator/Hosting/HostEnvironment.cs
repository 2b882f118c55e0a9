namespace RightSizer.Operator.Hosting;

/// <summary>What the host learns from where it runs, read once at start-up so that validation stays pure.</summary>
/// <param name="InCluster">Whether the in-cluster service account configuration is present.</param>
/// <param name="PodNamespace">The pod's namespace from the service account mount, if any.</param>
/// <param name="PodName">The pod's name (its host name in a cluster).</param>
public sealed record HostEnvironment(bool InCluster, string? PodNamespace, string PodName)
{
    /// <summary>
    /// This process's name as leader-election candidate and event reporter: the pod name and a random suffix, as
    /// controller-runtime makes it, so that two replicas sharing a host name (processes on one machine, a pod restarted
    /// in place) never take each other's Lease for their own.
    /// </summary>
    public string Identity { get; init; } = PodName;

    public static HostEnvironment Detect()
    {
        var inCluster = k8s.KubernetesClientConfiguration.IsInCluster();
        var ns = File.Exists(OperatorDefaults.ServiceAccountNamespaceFile)
            ? File.ReadAllText(OperatorDefaults.ServiceAccountNamespaceFile).Trim()
            : null;
        return new HostEnvironment(inCluster, ns, Environment.MachineName) { Identity = $"{Environment.MachineName}_{Guid.NewGuid():N}" };
    }
}
