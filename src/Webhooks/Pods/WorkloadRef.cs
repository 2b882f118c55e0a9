using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>A workload that owns a pod, directly or through its controller chain.</summary>
public sealed record WorkloadRef(WorkloadKind Kind, string Name);
