using RightSizer.Api.Units;

namespace RightSizer.Operator.Export;

/// <summary>
/// The memory one container should have, where it comes from, and what it has today (when a source or a manifest
/// says so). <see cref="HeapEnv"/> holds the environment a JVM or .NET heap needs, sorted by name.
/// </summary>
public sealed record ContainerProposal(WorkloadRef Workload, string Container, Memory Request, Memory? Limit)
{
    public IReadOnlyList<KeyValuePair<string, string>> HeapEnv { get; init; } = [];

    public ContainerEvidence Evidence { get; init; } = new();

    public Memory? CurrentRequest { get; init; }

    public Memory? CurrentLimit { get; init; }

    /// <summary>Whether applying the proposal leaves the container as it is (heap env already merged away when equal).</summary>
    public bool ChangesNothing => CurrentRequest == Request && (Limit is null || CurrentLimit == Limit) && HeapEnv.Count == 0;
}
