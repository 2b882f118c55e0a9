using RightSizer.Api.Units;

namespace RightSizer.Operator.Export;

/// <summary>A container as a workload manifest declares it: its position and which resource maps exist.</summary>
/// <param name="Env">The container's env entries in order (name and literal value; null value for valueFrom), or
/// null when the container has no <c>env</c> list.</param>
public sealed record ManifestContainer(
    string Name,
    int Index,
    bool HasResources,
    bool HasRequests,
    bool HasLimits,
    Memory? Request,
    Memory? Limit,
    IReadOnlyList<KeyValuePair<string, string?>>? Env);
