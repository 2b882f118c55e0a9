using k8s.Models;
using RightSizer.Api.V1alpha1;
using RightSizer.Webhooks.Pods;

namespace RightSizer.Webhooks.Tests;

/// <summary>The admission cache over plain lists, as the watch-fed caches would hold them after their initial list.</summary>
internal sealed class InMemoryAdmissionCache : IAdmissionCache
{
    public bool HasSynced { get; set; } = true;

    public List<V1alpha1MemoryPolicy> Policies { get; } = [];

    public List<V1ReplicaSet> ReplicaSets { get; } = [];

    public List<V1Job> Jobs { get; } = [];

    public List<V1LimitRange> LimitRangeList { get; } = [];

    public List<V1ResourceQuota> QuotaList { get; } = [];

    public IReadOnlyList<V1alpha1MemoryPolicy> MemoryPolicies(string @namespace) =>
        [.. Policies.Where(p => p.Metadata.NamespaceProperty == @namespace)];

    public V1ReplicaSet? ReplicaSet(string @namespace, string name) =>
        ReplicaSets.FirstOrDefault(r => r.Metadata.NamespaceProperty == @namespace && r.Metadata.Name == name);

    public V1Job? Job(string @namespace, string name) =>
        Jobs.FirstOrDefault(j => j.Metadata.NamespaceProperty == @namespace && j.Metadata.Name == name);

    public IReadOnlyList<V1LimitRange> LimitRanges(string @namespace) =>
        [.. LimitRangeList.Where(l => l.Metadata.NamespaceProperty == @namespace)];

    public IReadOnlyList<V1ResourceQuota> ResourceQuotas(string @namespace) =>
        [.. QuotaList.Where(q => q.Metadata.NamespaceProperty == @namespace)];

    public static V1ReplicaSet OwnedReplicaSet(string @namespace, string name, string deployment) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = @namespace,
            OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = deployment, Uid = "uid-d", Controller = true }],
        },
    };

    public static V1Job OwnedJob(string @namespace, string name, string cronJob) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = @namespace,
            OwnerReferences = [new V1OwnerReference { ApiVersion = "batch/v1", Kind = "CronJob", Name = cronJob, Uid = "uid-c", Controller = true }],
        },
    };
}
