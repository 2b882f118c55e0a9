using System.Globalization;
using System.Runtime.CompilerServices;
using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// Decides a pod's memory at creation from the status of the MemoryPolicy that matches it, and returns the JSON
/// Patch that sets it. Pure: the same pod and context give the same patch, and the pod that patch produces gives an
/// empty one (the API server may call us again on our own output). Regular containers are sized when the policy has
/// a recommendation for them; init and sidecar containers only when the policy names them.
/// </summary>
/// <remarks>
/// Runs on every pod creation in the cluster, so it walks the containers with plain loops and formats text only for
/// the warnings it actually emits.
/// </remarks>
public static class PodMutator
{
    private const string MemoryResource = "memory";

    public static PodMutation Mutate(PodView pod, PodMutationContext context)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(context);
        if (pod.Spec?.Containers is not { Count: > 0 } containers || HasNull(containers))
        {
            return PodMutation.Skip(MutationReasons.MalformedPod, "the pod has no containers to size");
        }

        if (PolicyMatcher.Match(context.Namespace, pod.Metadata?.Labels, context.Owners, context.Policies) is not { } match)
        {
            return PodMutation.Skip(MutationReasons.NoPolicy);
        }

        var warnings = new List<string>();
        var policy = match.Policy;
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
            warnings.Add($"MemoryPolicy {PolicyName(context, policy)} has no recommendation yet: pod memory left as is");
            return new PodMutation([], warnings, MutationReasons.NoRecommendation);
        }

        var containerWarnings = new List<string>();
        var targets = new List<ContainerTarget>(containers.Count);
        var otherRequests = Memory.Zero;
        var otherLimits = Memory.Zero;
        AddTargets(ContainerSlot.Containers, containers, policy, recommendations, context.LimitRange, targets, ref otherRequests, ref otherLimits, containerWarnings);
        AddTargets(ContainerSlot.InitContainers, pod.Spec.InitContainers, policy, recommendations, context.LimitRange, targets, ref otherRequests, ref otherLimits, containerWarnings);
        if (targets.Count == 0)
        {
            var name = PolicyName(context, policy);
            AddPrefixed(warnings, name, containerWarnings);
            warnings.Add($"MemoryPolicy {name} has no recommendation for this pod's containers: pod memory left as is");
            return new PodMutation([], warnings, MutationReasons.NoRecommendation);
        }

        var fitted = QuotaFitter.Fit(targets, otherRequests, otherLimits, context.Quota, containerWarnings);
        // Up to three operations per container (request, limit, heap variable) and two annotations: no regrowth.
        var patch = new List<JsonPatchOperation>((3 * fitted.Count) + 2);
        var changed = new List<ContainerTarget>(fitted.Count);
        foreach (var target in fitted)
        {
            var before = patch.Count;
            ResourcesPatchBuilder.Build(target, patch);
            HeapEnvPatchBuilder.Build(target.Slot, target.Heap, patch, containerWarnings);
            if (patch.Count > before)
            {
                changed.Add(target);
            }
        }

        var policyName = containerWarnings.Count > 0 || patch.Count > 0 ? PolicyName(context, policy) : string.Empty;
        AddPrefixed(warnings, policyName, containerWarnings);
        if (patch.Count == 0)
        {
            return new PodMutation([], warnings, MutationReasons.Unchanged);
        }

        var generation = policy.Status?.ObservedGeneration ?? policy.Metadata.Generation ?? 0;
        AnnotationsPatchBuilder.Build(pod.Metadata, $"{policy.Metadata.Name}@{generation}", changed, patch);
        warnings.Add(Applied(policyName, changed));
        return new PodMutation(patch, warnings, MutationReasons.Applied);
    }

    // Sizes the containers of one list that the policy covers; the memory of the others is what the quota already counts.
    private static void AddTargets(
        string list,
        IReadOnlyList<ContainerView?>? containers,
        V1alpha1MemoryPolicy policy,
        IList<V1alpha1ContainerRecommendation> recommendations,
        MemoryLimitRange limitRange,
        List<ContainerTarget> targets,
        ref Memory otherRequests,
        ref Memory otherLimits,
        List<string> warnings)
    {
        for (var i = 0; i < (containers?.Count ?? 0); i++)
        {
            if (containers![i] is not { } container)
            {
                continue;
            }

            var slot = new ContainerSlot(list, i, container);
            if (Target(slot, policy, recommendations, limitRange, warnings) is { } target)
            {
                targets.Add(target);
                continue;
            }

            otherRequests += OldRequest(container);
            otherLimits += Read(container.Resources?.Limits) ?? Memory.Zero;
        }
    }

    private static ContainerTarget? Target(
        ContainerSlot slot,
        V1alpha1MemoryPolicy policy,
        IList<V1alpha1ContainerRecommendation> recommendations,
        MemoryLimitRange limitRange,
        List<string> warnings)
    {
        var entries = policy.Spec.Containers;
        var named = Named(entries, slot.Name);
        var containerPolicy = slot.List == ContainerSlot.Containers
            ? named ?? Named(entries, MemoryPolicyDefaults.AllContainers)
            : named;
        if ((slot.List == ContainerSlot.InitContainers && named is null) || containerPolicy?.Mode == ContainerMode.Off)
        {
            return null;
        }

        var recommendation = Recommendation(recommendations, slot.Name);
        return recommendation is null ? null : ContainerResourcesCalculator.Calculate(slot, recommendation, containerPolicy, limitRange, warnings);
    }

    private static V1alpha1ContainerPolicy? Named(IList<V1alpha1ContainerPolicy>? entries, string name)
    {
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            if (entries![i].ContainerName == name)
            {
                return entries[i];
            }
        }

        return null;
    }

    private static V1alpha1ContainerRecommendation? Recommendation(IList<V1alpha1ContainerRecommendation> recommendations, string name)
    {
        for (var i = 0; i < recommendations.Count; i++)
        {
            if (recommendations[i].ContainerName == name)
            {
                return recommendations[i];
            }
        }

        return null;
    }

    private static bool HasNull(IReadOnlyList<ContainerView?> containers)
    {
        for (var i = 0; i < containers.Count; i++)
        {
            if (containers[i] is null)
            {
                return true;
            }
        }

        return false;
    }

    private static string PolicyName(PodMutationContext context, V1alpha1MemoryPolicy policy) => $"{context.Namespace}/{policy.Metadata.Name}";

    private static void AddPrefixed(List<string> warnings, string policyName, List<string> containerWarnings)
    {
        foreach (var warning in containerWarnings)
        {
            warnings.Add($"MemoryPolicy {policyName}: {warning}");
        }
    }

    // Built in a stack buffer (the handler rents from the array pool past it): the one allocation is the warning.
    private static string Applied(string policyName, List<ContainerTarget> changed)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        text.AppendLiteral("memory set by MemoryPolicy ");
        text.AppendFormatted(policyName);
        text.AppendLiteral(": ");
        for (var i = 0; i < changed.Count; i++)
        {
            var target = changed[i];
            text.AppendLiteral(i == 0 ? string.Empty : ", ");
            text.AppendFormatted(target.Slot.Name);
            text.AppendLiteral(" request ");
            text.AppendFormatted(target.Request);
            if (target.SetsLimit)
            {
                text.AppendLiteral(" limit ");
                if (target.Limit is { } limit)
                {
                    text.AppendFormatted(limit);
                }
            }
        }

        return text.ToStringAndClear();
    }

    private static Memory OldRequest(ContainerView container) =>
        Read(container.Resources?.Requests) ?? Read(container.Resources?.Limits) ?? Memory.Zero;

    private static Memory? Read(IReadOnlyDictionary<string, string?>? values) =>
        values?.GetValueOrDefault(MemoryResource) is { } text && Memory.TryParse(text, out var memory) ? memory : null;
}
