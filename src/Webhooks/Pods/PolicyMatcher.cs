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
        IEnumerable<V1alpha1MemoryPolicy> policies)
    {
        var inNamespace = policies
            .Where(p => p.Metadata?.NamespaceProperty == @namespace && p.Metadata.DeletionTimestamp is null && p.Spec is not null)
            .ToList();
        var byTarget = inNamespace.Where(p => p.Spec.TargetRef is { } t && owners.Any(o => o.Kind == t.Kind && o.Name == t.Name));
        var bySelector = inNamespace.Where(p => p.Spec.TargetRef is null && p.Spec.Selector is { } s && LabelSelectorMatcher.Matches(s, labels));
        return Pick(byTarget, "target this pod's workload") ?? Pick(bySelector, "select this pod");
    }

    private static PolicyMatch? Pick(IEnumerable<V1alpha1MemoryPolicy> candidates, string how)
    {
        var sorted = candidates.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var warning = sorted.Count == 1
            ? null
            : $"{sorted.Count} MemoryPolicies {how} ({string.Join(", ", sorted.Select(p => p.Metadata.Name))}): using {sorted[0].Metadata.Name}";
        return new PolicyMatch(sorted[0], warning);
    }
}
