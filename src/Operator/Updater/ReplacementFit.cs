using k8s.Models;
using RightSizer.Api.Units;
using RightSizer.Operator.Reconcilers;
using static System.FormattableString;

namespace RightSizer.Operator.Updater;

/// <summary>
/// Would a pod recreated with the new memory be admitted? Checks the namespace's LimitRanges (per-container min and
/// max) and ResourceQuotas (the quota's usage with this pod's old values swapped for the new ones), so that the updater
/// never evicts a pod its controller then cannot recreate (kubernetes/autoscaler#8401). Pure.
/// </summary>
public static class ReplacementFit
{
    /// <returns>Why it would not fit, or null when it fits.</returns>
    public static string? Check(
        PodSnapshot pod,
        IReadOnlyList<ContainerTarget> targets,
        IEnumerable<V1ResourceQuota> quotas,
        IEnumerable<V1LimitRange> limitRanges)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(targets);
        var newValues = pod.Containers.Select(c =>
        {
            var target = targets.FirstOrDefault(t => t.Name == c.Name);
            return (c.Name, Request: target?.Request ?? c.Request, Limit: target?.Limit ?? c.Limit);
        }).ToList();

        foreach (var range in limitRanges)
        {
            foreach (var item in (range.Spec?.Limits ?? []).Where(l => l.Type == "Container"))
            {
                var max = PodResources.MemoryOf(item.Max);
                var min = PodResources.MemoryOf(item.Min);
                foreach (var (name, request, limit) in newValues)
                {
                    if (max is { } m && (limit ?? request) is { } top && top > m)
                    {
                        return Invariant($"LimitRange {range.Metadata.Name}: {name} would need {top.ToQuantity()}, above the maximum {m.ToQuantity()}");
                    }

                    if (min is { } n && request is { } r && r < n)
                    {
                        return Invariant($"LimitRange {range.Metadata.Name}: {name} would request {r.ToQuantity()}, below the minimum {n.ToQuantity()}");
                    }
                }
            }
        }

        var requestDelta = Sum(newValues.Select(v => v.Request)) - Sum(pod.Containers.Select(c => c.Request));
        var limitDelta = Sum(newValues.Select(v => v.Limit)) - Sum(pod.Containers.Select(c => c.Limit));
        foreach (var quota in quotas)
        {
            foreach (var (resource, delta) in new[] { ("requests.memory", requestDelta), ("memory", requestDelta), ("limits.memory", limitDelta) })
            {
                var hard = PodResources.MemoryOf(Only(quota.Status?.Hard ?? quota.Spec?.Hard, resource));
                var used = PodResources.MemoryOf(Only(quota.Status?.Used, resource)) ?? Memory.Zero;
                if (hard is { } h && delta > Memory.Zero && used + delta > h)
                {
                    return Invariant($"ResourceQuota {quota.Metadata.Name}: {resource} would reach {(used + delta).ToQuantity()} of {h.ToQuantity()}");
                }
            }
        }

        return null;
    }

    private static Memory Sum(IEnumerable<Memory?> values) => values.Aggregate(Memory.Zero, (total, v) => total + (v ?? Memory.Zero));

    // Quota maps use keys such as limits.memory; PodResources reads the "memory" key, so pick one out under that name.
    private static Dictionary<string, ResourceQuantity>? Only(IDictionary<string, ResourceQuantity>? values, string key) =>
        values is not null && values.TryGetValue(key, out var q) ? new Dictionary<string, ResourceQuantity> { ["memory"] = q } : null;
}
