using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>What mutation needs to know about the pod's namespace, read from the watch-fed caches by the handler.</summary>
/// <param name="Owners">The pod's owning workloads, nearest first.</param>
public sealed record PodMutationContext(
    string Namespace,
    IReadOnlyList<V1alpha1MemoryPolicy> Policies,
    IReadOnlyList<WorkloadRef> Owners,
    MemoryLimitRange LimitRange,
    QuotaHeadroom Quota);
