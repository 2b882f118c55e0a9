namespace RightSizer.Operator.Updater;

/// <summary>Everything the planner decides from.</summary>
/// <param name="ReplacementBlocked">Why a replacement pod with the new values would be refused (quota, LimitRange); null when it fits.</param>
public sealed record UpdatePlanInput(
    UpdateSettings Settings,
    WorkloadSnapshot Workload,
    IReadOnlyList<PodSnapshot> Pods,
    IReadOnlyList<ContainerTarget> Targets,
    ServerCapabilities Server,
    DateTimeOffset Now,
    string? ReplacementBlocked = null);
