using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// Decides a pod's memory at creation from the status of the MemoryPolicy that matches it, and returns the JSON
/// Patch that sets it. Pure: the same pod and context give the same patch, and the pod that patch produces gives an
/// empty one (the API server may call us again on our own output). Regular containers are sized when the policy has
/// a recommendation for them; init and sidecar containers only when the policy names them.
/// </summary>
public static class PodMutator
{
    private const string MemoryResource = "memory";

    public static PodMutation Mutate(PodView pod, PodMutationContext context)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(context);
        if (pod.Spec?.Containers is not { Count: > 0 } containers || containers.Any(c => c is null))
        {
            return PodMutation.Skip(MutationReasons.MalformedPod, "the pod has no containers to size");
        }

        var warnings = new List<string>();
        if (PolicyMatcher.Match(context.Namespace, pod.Metadata?.Labels, context.Owners, context.Policies) is not { } match)
        {
            return PodMutation.Skip(MutationReasons.NoPolicy);
        }

        var policy = match.Policy;
        var policyName = $"{context.Namespace}/{policy.Metadata.Name}";
        if (match.Warning is { } tie)
        {
            warnings.Add(tie);
        }

        if ((policy.Spec.Mode ?? MemoryPolicyDefaults.Mode) == PolicyMode.Off)
        {
            return new PodMutation([], warnings, MutationReasons.PolicyOff);
        }

        if (policy.Status?.Recommendations is not { Count: > 0 } recommendations)
        {
            warnings.Add($"MemoryPolicy {policyName} has no recommendation yet: pod memory left as is");
            return new PodMutation([], warnings, MutationReasons.NoRecommendation);
        }

        var containerWarnings = new List<string>();
        var targets = Slots(pod.Spec)
            .Select(slot => Target(slot, policy, recommendations, context.LimitRange, containerWarnings))
            .OfType<ContainerTarget>()
            .ToList();
        if (targets.Count == 0)
        {
            warnings.AddRange(containerWarnings.Select(w => $"MemoryPolicy {policyName}: {w}"));
            warnings.Add($"MemoryPolicy {policyName} has no recommendation for this pod's containers: pod memory left as is");
            return new PodMutation([], warnings, MutationReasons.NoRecommendation);
        }

        var sized = targets.Select(t => t.Slot.Path).ToHashSet(StringComparer.Ordinal);
        var others = Slots(pod.Spec).Where(s => !sized.Contains(s.Path)).ToList();
        targets = [.. QuotaFitter.Fit(targets, Sum(others, s => OldRequest(s)), Sum(others, s => Read(s.Container.Resources?.Limits)), context.Quota, containerWarnings)];

        var patch = new List<JsonPatchOperation>();
        var changed = new List<ContainerTarget>();
        foreach (var target in targets)
        {
            var before = patch.Count;
            ResourcesPatchBuilder.Build(target, patch);
            HeapEnvPatchBuilder.Build(target.Slot, target.Heap, patch, containerWarnings);
            if (patch.Count > before)
            {
                changed.Add(target);
            }
        }

        warnings.AddRange(containerWarnings.Select(w => $"MemoryPolicy {policyName}: {w}"));
        if (patch.Count == 0)
        {
            return new PodMutation([], warnings, MutationReasons.Unchanged);
        }

        var generation = policy.Status?.ObservedGeneration ?? policy.Metadata.Generation ?? 0;
        AnnotationsPatchBuilder.Build(pod.Metadata, $"{policy.Metadata.Name}@{generation}", changed, patch);
        warnings.Add($"memory set by MemoryPolicy {policyName}: {string.Join(", ", changed.Select(Describe))}");
        return new PodMutation(patch, warnings, MutationReasons.Applied);
    }

    private static ContainerTarget? Target(
        ContainerSlot slot,
        V1alpha1MemoryPolicy policy,
        IList<V1alpha1ContainerRecommendation> recommendations,
        MemoryLimitRange limitRange,
        List<string> warnings)
    {
        var entries = policy.Spec.Containers ?? [];
        var named = entries.FirstOrDefault(c => c.ContainerName == slot.Name);
        var containerPolicy = slot.List == ContainerSlot.Containers
            ? named ?? entries.FirstOrDefault(c => c.ContainerName == MemoryPolicyDefaults.AllContainers)
            : named;
        if ((slot.List == ContainerSlot.InitContainers && named is null) || containerPolicy?.Mode == ContainerMode.Off)
        {
            return null;
        }

        var recommendation = recommendations.FirstOrDefault(r => r.ContainerName == slot.Name);
        return recommendation is null ? null : ContainerResourcesCalculator.Calculate(slot, recommendation, containerPolicy, limitRange, warnings);
    }

    private static IEnumerable<ContainerSlot> Slots(PodSpecView spec)
    {
        foreach (var (list, containers) in new[] { (ContainerSlot.Containers, spec.Containers), (ContainerSlot.InitContainers, spec.InitContainers) })
        {
            for (var i = 0; i < (containers?.Count ?? 0); i++)
            {
                if (containers![i] is { } container)
                {
                    yield return new ContainerSlot(list, i, container);
                }
            }
        }
    }

    private static Memory OldRequest(ContainerSlot slot) =>
        Read(slot.Container.Resources?.Requests) ?? Read(slot.Container.Resources?.Limits) ?? Memory.Zero;

    private static Memory? Read(IReadOnlyDictionary<string, string?>? values) =>
        values?.GetValueOrDefault(MemoryResource) is { } text && Memory.TryParse(text, out var memory) ? memory : null;

    private static Memory Sum(IEnumerable<ContainerSlot> slots, Func<ContainerSlot, Memory?> value) =>
        slots.Aggregate(Memory.Zero, (sum, slot) => sum + (value(slot) ?? Memory.Zero));

    private static string Describe(ContainerTarget t) =>
        t.SetsLimit ? $"{t.Slot.Name} request {t.Request} limit {t.Limit}" : $"{t.Slot.Name} request {t.Request}";
}
