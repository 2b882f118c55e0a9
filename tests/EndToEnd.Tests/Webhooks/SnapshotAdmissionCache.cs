using System.Text.Json;
using k8s;
using k8s.Models;
using RightSizer.Api.V1alpha1;
using RightSizer.Webhooks.Pods;

namespace RightSizer.EndToEnd.Tests.Webhooks;

/// <summary>
/// The admission cache of one namespace as a snapshot listed from the API server when the test says so: the webhooks' view of the
/// cluster without the operator's watchers, refreshed after the objects a step depends on are written.
/// </summary>
internal sealed class SnapshotAdmissionCache(IKubernetes client, string @namespace) : IAdmissionCache
{
    private volatile Snapshot _snapshot = new([], [], [], [], []);

    public bool HasSynced => true;

    public async Task RefreshAsync()
    {
        var policies = await client.CustomObjects.ListNamespacedCustomObjectAsync(V1alpha1MemoryPolicy.KubeGroup, V1alpha1MemoryPolicy.KubeApiVersion, @namespace, V1alpha1MemoryPolicy.KubePluralName);
        var list = KubernetesJson.Deserialize<V1alpha1MemoryPolicyList>(JsonSerializer.Serialize(policies));
        _snapshot = new Snapshot(
            [.. list.Items],
            [.. (await client.AppsV1.ListNamespacedReplicaSetAsync(@namespace)).Items],
            [.. (await client.BatchV1.ListNamespacedJobAsync(@namespace)).Items],
            [.. (await client.CoreV1.ListNamespacedLimitRangeAsync(@namespace)).Items],
            [.. (await client.CoreV1.ListNamespacedResourceQuotaAsync(@namespace)).Items]);
    }

    public IReadOnlyList<V1alpha1MemoryPolicy> MemoryPolicies(string @namespace) => [.. _snapshot.Policies.Where(p => p.Metadata.NamespaceProperty == @namespace)];

    public V1ReplicaSet? ReplicaSet(string @namespace, string name) => _snapshot.ReplicaSets.FirstOrDefault(r => r.Metadata.NamespaceProperty == @namespace && r.Metadata.Name == name);

    public V1Job? Job(string @namespace, string name) => _snapshot.Jobs.FirstOrDefault(j => j.Metadata.NamespaceProperty == @namespace && j.Metadata.Name == name);

    public IReadOnlyList<V1LimitRange> LimitRanges(string @namespace) => [.. _snapshot.LimitRanges.Where(l => l.Metadata.NamespaceProperty == @namespace)];

    public IReadOnlyList<V1ResourceQuota> ResourceQuotas(string @namespace) => [.. _snapshot.Quotas.Where(q => q.Metadata.NamespaceProperty == @namespace)];

    private sealed record Snapshot(
        List<V1alpha1MemoryPolicy> Policies, List<V1ReplicaSet> ReplicaSets, List<V1Job> Jobs, List<V1LimitRange> LimitRanges, List<V1ResourceQuota> Quotas);
}
