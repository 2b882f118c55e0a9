using k8s.Models;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Runtime;
using RightSizer.Webhooks.Pods;

namespace RightSizer.Operator.Hosting;

/// <summary>
/// Every watch-fed cache the operator keeps, shared by the reconciler, the updater and the admission webhooks
/// (as <see cref="IAdmissionCache"/>), so nothing calls the API server per pod or per admission.
/// </summary>
public sealed class ClusterCaches : IAdmissionCache
{
    public ResourceCache<V1alpha1MemoryPolicy> Policies { get; } = new();

    public ResourceCache<V1Pod> Pods { get; } = new();

    public ResourceCache<V1ReplicaSet> ReplicaSets { get; } = new();

    public ResourceCache<V1Deployment> Deployments { get; } = new();

    public ResourceCache<V1StatefulSet> StatefulSets { get; } = new();

    public ResourceCache<V1DaemonSet> DaemonSets { get; } = new();

    public ResourceCache<V1Job> Jobs { get; } = new();

    public ResourceCache<V1CronJob> CronJobs { get; } = new();

    public ResourceCache<V1LimitRange> LimitRanges { get; } = new();

    public ResourceCache<V1ResourceQuota> ResourceQuotas { get; } = new();

    public ResourceCache<V1PodDisruptionBudget> DisruptionBudgets { get; } = new();

    public bool HasSynced =>
        Policies.HasSynced && Pods.HasSynced && ReplicaSets.HasSynced && Deployments.HasSynced && StatefulSets.HasSynced
        && DaemonSets.HasSynced && Jobs.HasSynced && CronJobs.HasSynced && LimitRanges.HasSynced
        && ResourceQuotas.HasSynced && DisruptionBudgets.HasSynced;

    /// <summary>Completes when every cache has stored its first list.</summary>
    public Task Synced => Task.WhenAll(
        Policies.Synced, Pods.Synced, ReplicaSets.Synced, Deployments.Synced, StatefulSets.Synced, DaemonSets.Synced,
        Jobs.Synced, CronJobs.Synced, LimitRanges.Synced, ResourceQuotas.Synced, DisruptionBudgets.Synced);

    public IReadOnlyList<V1alpha1MemoryPolicy> MemoryPolicies(string @namespace) => Policies.List(@namespace);

    public V1ReplicaSet? ReplicaSet(string @namespace, string name) => ReplicaSets.Get(@namespace, name);

    public V1Job? Job(string @namespace, string name) => Jobs.Get(@namespace, name);

    IReadOnlyList<V1LimitRange> IAdmissionCache.LimitRanges(string @namespace) => LimitRanges.List(@namespace);

    IReadOnlyList<V1ResourceQuota> IAdmissionCache.ResourceQuotas(string @namespace) => ResourceQuotas.List(@namespace);
}
