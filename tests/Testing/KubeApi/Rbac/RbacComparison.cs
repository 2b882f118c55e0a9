using k8s.Models;

namespace RightSizer.Testing.KubeApi.Rbac;

/// <summary>
/// What a user did against what its roles grant: the requests no grant allows (RBAC would have refused them) and the
/// grants no request used (privilege the code does not need). Wildcards are not expanded: least privilege has none.
/// </summary>
public sealed record RbacComparison(IReadOnlyList<string> Missing, IReadOnlyList<RbacGrant> Unused)
{
    public bool Matches => Missing.Count == 0 && Unused.Count == 0;

    /// <summary>The grants of a role's rules: a ClusterRole's (<paramref name="ns"/> null) everywhere, a Role's in its namespace.</summary>
    public static IEnumerable<RbacGrant> Grants(IEnumerable<V1PolicyRule> rules, string? ns) =>
        from rule in rules
        from verb in rule.Verbs ?? []
        from grp in rule.ApiGroups ?? []
        from resource in rule.Resources ?? []
        let slash = resource.IndexOf('/', StringComparison.Ordinal)
        select new RbacGrant(verb, grp, slash < 0 ? resource : resource[..slash], slash < 0 ? "" : resource[(slash + 1)..], ns);

    public static RbacComparison Compare(IEnumerable<ApiRequestRecord> requests, IReadOnlyCollection<RbacGrant> grants)
    {
        var used = requests.Distinct().ToList();
        var missing = used
            .Where(r => !grants.Any(g => g.Allows(r)))
            .Select(r => new RbacGrant(r.Verb, r.Group, r.Resource, r.Subresource, r.Namespace.Length == 0 ? null : r.Namespace).ToString())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var unused = grants.Distinct().Where(g => !used.Any(g.Allows)).OrderBy(g => g.ToString(), StringComparer.Ordinal).ToList();
        return new RbacComparison(missing, unused);
    }

    public override string ToString() =>
        $"missing (used, not granted):\n  {string.Join("\n  ", Missing)}\nunused (granted, never used):\n  {string.Join("\n  ", Unused)}";
}
