namespace RightSizer.Operator.Export;

/// <summary>
/// A workload as a YAML file declares it. <see cref="Namespace"/> is null when the file leaves it to the tool that
/// applies it (kustomize's <c>namespace:</c>, <c>kubectl -n</c>).
/// </summary>
public sealed record WorkloadManifest(string Kind, string Name, string? Namespace, IReadOnlyList<ManifestContainer> Containers)
{
    /// <summary>Whether this manifest declares <paramref name="workload"/>; a manifest without a namespace matches any.</summary>
    public bool Declares(WorkloadRef workload) =>
        workload.Kind == Kind && workload.Name == Name && (Namespace is null || Namespace == workload.Namespace);

    /// <summary>Whether both declare the same object (kind, name, namespace as written), whatever their containers.</summary>
    public bool SameObject(WorkloadManifest? other) =>
        other is not null && other.Kind == Kind && other.Name == Name && other.Namespace == Namespace;
}
