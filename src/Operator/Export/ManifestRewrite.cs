namespace RightSizer.Operator.Export;

/// <summary>The rewritten text of one file, the workloads it changed, and what it left alone and why.</summary>
public sealed record ManifestRewrite(string Text, IReadOnlyList<WorkloadRef> Changed, IReadOnlyList<string> Warnings);
