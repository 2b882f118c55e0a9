namespace RightSizer.Operator.Updater;

/// <summary>The workload the pods belong to.</summary>
/// <param name="Replicas">Desired pods; null when unknown (bare pods of a selector).</param>
public sealed record WorkloadSnapshot(string Name, int? Replicas, bool RollingOut);
