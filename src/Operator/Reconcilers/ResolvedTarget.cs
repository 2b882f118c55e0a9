using k8s.Models;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Reconcilers;

/// <summary>What a policy's targetRef or selector resolves to right now.</summary>
public sealed record ResolvedTarget(bool Found, string Message, IReadOnlyList<WorkloadState> Workloads, IReadOnlyList<V1Pod> Pods)
{
    /// <summary>When not found, why: <see cref="ConditionReasons.TargetNotFound"/> or <see cref="ConditionReasons.NoPodsMatched"/>.</summary>
    public string Reason { get; init; } = ConditionReasons.TargetResolved;

    public static ResolvedTarget NotFound(string reason, string message) => new(false, message, [], []) { Reason = reason };

    /// <summary>The workload that owns a pod (after following ReplicaSet and Job owners), by pod name.</summary>
    public IReadOnlyDictionary<string, WorkloadRef> OwnerOfPod { get; init; } = new Dictionary<string, WorkloadRef>(StringComparer.Ordinal);
}
