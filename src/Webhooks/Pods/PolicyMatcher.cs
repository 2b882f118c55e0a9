using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// Picks the MemoryPolicy of a pod: only policies in the pod's namespace; a targetRef naming one of the pod's owning
/// workloads beats a selector over its labels (the more specific wins); among equals the first by name wins, with a
/// warning, so the choice is stable across replicas and restarts.
/// </summary>
public static class PolicyMatcher
{
    public static PolicyMatch? Match(
        string @namespace,
        IReadOnlyDictionary<string, string>? labels,
        IReadOnlyList<WorkloadRef> owners,
        IReadOnlyList<V1alpha1MemoryPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(policies);
        var byTarget = new Criteria(@namespace, labels, owners, ByTarget: true);
        return Pick(policies, byTarget, "target this pod's workload") ?? Pick(policies, byTarget with { ByTarget = false }, "select this pod");
    }

    private static bool Matches(V1alpha1MemoryPolicy policy, in Criteria criteria) =>
        InNamespace(policy, criteria.Namespace)
        && (criteria.ByTarget ? TargetsOwner(policy, criteria.Owners) : Selects(policy, criteria.Labels));

    private static bool InNamespace(V1alpha1MemoryPolicy policy, string @namespace) =>
        policy.Metadata?.NamespaceProperty == @namespace && policy.Metadata.DeletionTimestamp is null && policy.Spec is not null;

    private static bool TargetsOwner(V1alpha1MemoryPolicy policy, IReadOnlyList<WorkloadRef> owners)
    {
        if (policy.Spec.TargetRef is not { } target)
        {
            return false;
        }

        for (var i = 0; i < owners.Count; i++)
        {
            if (owners[i].Kind == target.Kind && owners[i].Name == target.Name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Selects(V1alpha1MemoryPolicy policy, IReadOnlyDictionary<string, string>? labels) =>
        policy.Spec.TargetRef is null && policy.Spec.Selector is { } selector && LabelSelectorMatcher.Matches(selector, labels);

    // One pass finds the first policy by name; the names are gathered and sorted only for the warning on a tie.
    private static PolicyMatch? Pick(IReadOnlyList<V1alpha1MemoryPolicy> policies, in Criteria criteria, string how)
    {
        V1alpha1MemoryPolicy? first = null;
        var count = 0;
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            if (!Matches(policy, criteria))
            {
                continue;
            }

            count++;
            if (first is null || string.CompareOrdinal(policy.Metadata.Name, first.Metadata.Name) < 0)
            {
                first = policy;
            }
        }

        if (first is null)
        {
            return null;
        }

        return new PolicyMatch(first, count == 1 ? null : Tie(policies, criteria, count, how, first));
    }

    private static string Tie(IReadOnlyList<V1alpha1MemoryPolicy> policies, in Criteria criteria, int count, string how, V1alpha1MemoryPolicy first)
    {
        var names = new List<string>(count);
        for (var i = 0; i < policies.Count; i++)
        {
            if (Matches(policies[i], criteria))
            {
                names.Add(policies[i].Metadata.Name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return $"{count} MemoryPolicies {how} ({string.Join(", ", names)}): using {first.Metadata.Name}";
    }

    // What a policy must match in one of the two passes: a targetRef to an owner, or else a selector over the labels.
    private readonly record struct Criteria(
        string Namespace,
        IReadOnlyDictionary<string, string>? Labels,
        IReadOnlyList<WorkloadRef> Owners,
        bool ByTarget);
}
