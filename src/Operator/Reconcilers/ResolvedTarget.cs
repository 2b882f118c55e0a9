using k8s.Models;

namespace RightSizer.Operator.Reconcilers;

/// <summary>What a policy's targetRef or selector resolves to right now.</summary>
public sealed record ResolvedTarget(bool Found, string Message, IReadOnlyList<WorkloadState> Workloads, IReadOnlyList<V1Pod> Pods)
{
    public static ResolvedTarget NotFound(string message) => new(false, message, [], []);

    /// <summary>The workload that owns a pod (after following ReplicaSet and Job owners), by pod name.</summary>
    public IReadOnlyDictionary<string, WorkloadRef> OwnerOfPod { get; init; } = new Dictionary<string, WorkloadRef>(StringComparer.Ordinal);
}
