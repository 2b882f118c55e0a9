using k8s.Models;
using RightSizer.Api.V1alpha1;
using RightSizer.Webhooks.Pods;

namespace RightSizer.Benchmarks;

/// <summary>A synced admission cache holding fixed policies and the ReplicaSet of Deployment web.</summary>
internal sealed class StaticAdmissionCache(IReadOnlyList<V1alpha1MemoryPolicy> policies) : IAdmissionCache
{
    private readonly V1ReplicaSet _replicaSet = new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web-7d9f8c6b5",
            NamespaceProperty = "shop",
            OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "web", Uid = "d", Controller = true }],
        },
    };

    public bool HasSynced => true;

    public IReadOnlyList<V1alpha1MemoryPolicy> MemoryPolicies(string @namespace) => policies;

    public V1ReplicaSet? ReplicaSet(string @namespace, string name) => name == _replicaSet.Metadata.Name ? _replicaSet : null;

    public V1Job? Job(string @namespace, string name) => null;

    public IReadOnlyList<V1LimitRange> LimitRanges(string @namespace) => [];

    public IReadOnlyList<V1ResourceQuota> ResourceQuotas(string @namespace) => [];
}
