using k8s.Models;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// The watch-fed view of the cluster that pod admission reads: never an API call per admission. The operator's
/// controller runtime implements it over the same caches its reconcilers use.
/// </summary>
public interface IAdmissionCache
{
    /// <summary>True once every cache below has completed its initial list.</summary>
    bool HasSynced { get; }

    IReadOnlyList<V1alpha1MemoryPolicy> MemoryPolicies(string @namespace);

    V1ReplicaSet? ReplicaSet(string @namespace, string name);

    V1Job? Job(string @namespace, string name);

    IReadOnlyList<V1LimitRange> LimitRanges(string @namespace);

    IReadOnlyList<V1ResourceQuota> ResourceQuotas(string @namespace);
}
