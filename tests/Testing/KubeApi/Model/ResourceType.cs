using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Model;

/// <summary>One REST resource the server serves: what discovery lists and what a URL resolves to.</summary>
/// <param name="Subresources">Subresource names (status, eviction, resize, binding) the resource accepts.</param>
/// <param name="HasGeneration">Whether metadata.generation starts at 1 and moves on non-metadata changes.</param>
/// <param name="CustomVersion">For a custom resource, the CRD's entry of spec.versions[] (schema, printer columns).</param>
public sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Subresources,
    bool HasGeneration,
    JsonObject? CustomVersion = null)
{
    public bool IsCustom => CustomVersion is not null;

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>The resource as errors name it: "pods", "memorypolicies.rightsizer.io".</summary>
    public GroupResource Resource => new(Group, Plural);

    /// <summary>The kind as validation errors name it: "Pod", "MemoryPolicy.rightsizer.io".</summary>
    public GroupKind GroupKind => new(Group, Kind);

    public bool HasStatus => Subresources.Contains("status");

    /// <summary>The path prefix of this resource's group/version: "/api/v1" or "/apis/apps/v1".</summary>
    public string GroupVersionPath => Group.Length == 0 ? "/api/v1" : $"/apis/{Group}/{Version}";
}
