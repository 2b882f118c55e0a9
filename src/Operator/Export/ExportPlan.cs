namespace RightSizer.Operator.Export;

/// <summary>The workloads to patch, in namespace/kind/name order, and a note for each container left out and why.</summary>
public sealed record ExportPlan(IReadOnlyList<WorkloadPatch> Patches, IReadOnlyList<string> Skipped);
