namespace RightSizer.Operator.Export;

/// <summary>The containers of one workload to change, in container-name order, with its manifest when one was read.</summary>
public sealed record WorkloadPatch(WorkloadRef Workload, IReadOnlyList<ContainerProposal> Containers, WorkloadManifest? Manifest);
