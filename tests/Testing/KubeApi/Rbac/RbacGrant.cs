namespace RightSizer.Testing.KubeApi.Rbac;

/// <summary>One verb on one resource (and subresource) that a Role or ClusterRole grants; <see cref="Namespace"/> null for every namespace.</summary>
public sealed record RbacGrant(string Verb, string Group, string Resource, string Subresource, string? Namespace)
{
    /// <summary>Whether this grant allows the request.</summary>
    public bool Allows(ApiRequestRecord request) =>
        request.Verb == Verb && request.Group == Group && request.Resource == Resource && request.Subresource == Subresource
        && (Namespace is null || request.Namespace == Namespace);

    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{Resource}{(Subresource.Length == 0 ? "" : "/" + Subresource)} in {Namespace ?? "every namespace"}";
}
