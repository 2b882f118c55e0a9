namespace RightSizer.Recommender.Model;

/// <summary>
/// Identifies one container's history. <see cref="Id"/> is what the source calls it; an id of the form
/// <c>namespace/kind/name/container</c> is understood as such.
/// </summary>
public sealed record SeriesKey(
    string Id,
    string? Namespace = null,
    string? WorkloadKind = null,
    string? WorkloadName = null,
    string? Container = null)
{
    /// <summary>Builds a key from an id, splitting <c>namespace/kind/name/container</c> into its parts.</summary>
    public static SeriesKey FromId(string id)
    {
        var parts = id.Split('/');
        return parts.Length == 4 && parts.All(p => p.Length > 0)
            ? new SeriesKey(id, parts[0], parts[1], parts[2], parts[3])
            : new SeriesKey(id);
    }

    /// <summary>Builds a key from its parts, with the id in the <c>namespace/kind/name/container</c> form.</summary>
    public static SeriesKey ForContainer(string @namespace, string workloadKind, string workloadName, string container) =>
        new($"{@namespace}/{workloadKind}/{workloadName}/{container}", @namespace, workloadKind, workloadName, container);
}
