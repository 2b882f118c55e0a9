using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Export;

/// <summary>
/// What the cluster source reads of one MemoryPolicy: where it is, the workload its <c>targetRef</c> names (null for
/// a selector policy) and its status' per-container recommendations.
/// </summary>
public sealed record StoredPolicy(
    string Namespace,
    string Name,
    string? TargetKind,
    string? TargetName,
    IReadOnlyList<V1alpha1ContainerRecommendation> Recommendations);
