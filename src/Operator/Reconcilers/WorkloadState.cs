namespace RightSizer.Operator.Reconcilers;

/// <summary>What the updater needs to know of a workload: how many pods it wants and whether it is rolling out.</summary>
/// <param name="Replicas">Desired pods; null when the kind has no such number (a selector's bare pods).</param>
/// <param name="RollingOut">A rollout is under way: the updater must not add its own disruption.</param>
public sealed record WorkloadState(WorkloadRef Ref, int? Replicas, bool RollingOut);
