namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>How a strategic merge patch (and server-side apply) treats a list field of a built-in kind.</summary>
/// <param name="MergeKey">The key of a list of objects merged element by element (<c>name</c> for containers); null otherwise.</param>
/// <param name="MergePrimitives">A list of scalars merged as a set (finalizers).</param>
/// <param name="RetainKeys">The elements' maps carry <c>$retainKeys</c> (volumes).</param>
public sealed record ListMergeStrategy(string? MergeKey, bool MergePrimitives = false, bool RetainKeys = false)
{
    /// <summary>No patch strategy: the patch's list replaces the live one.</summary>
    public static ListMergeStrategy Replace { get; } = new(MergeKey: null);

    public bool IsMerge => MergeKey is not null || MergePrimitives;
}
