using RightSizer.Api.Units;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// Keeps a pod inside what its namespace's ResourceQuotas leave free: decreases always apply, increases apply in
/// container order while they fit, and the rest is cut with a warning. A pod that does not fit even unchanged gets no
/// increase at all. Without this, the quota admission plugin would refuse a pod that fitted before we raised it.
/// </summary>
public static class QuotaFitter
{
    /// <param name="otherRequests">The memory requests of the pod's containers we do not change, as the quota counts them.</param>
    /// <param name="otherLimits">The same for limits.</param>
    public static IReadOnlyList<ContainerTarget> Fit(
        IReadOnlyList<ContainerTarget> targets,
        Memory otherRequests,
        Memory otherLimits,
        QuotaHeadroom quota,
        ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(warnings);
        var fitted = targets.ToList();
        if (quota.Requests is { } freeRequests)
        {
            var requests = Trim(fitted.Select(t => (OldRequest(t), t.Request)).ToList(), otherRequests, freeRequests);
            for (var i = 0; i < fitted.Count; i++)
            {
                fitted[i] = fitted[i] with { Request = requests[i] };
            }
        }

        if (quota.Limits is { } freeLimits)
        {
            var limited = fitted.Select((t, i) => (Target: t, Index: i)).Where(x => x.Target.SetsLimit).ToList();
            var limits = Trim(limited.Select(x => (x.Target.CurrentLimit ?? Memory.Zero, x.Target.Limit!.Value)).ToList(), otherLimits, freeLimits);
            for (var i = 0; i < limited.Count; i++)
            {
                var target = fitted[limited[i].Index];
                fitted[limited[i].Index] = target with { Limit = limits[i], Request = Memory.Min(target.Request, limits[i]) };
            }
        }

        for (var i = 0; i < fitted.Count; i++)
        {
            if (fitted[i] != targets[i])
            {
                warnings.Add($"container {targets[i].Slot.Name}: ResourceQuota leaves room for {Describe(fitted[i])}, not {Describe(targets[i])}");
            }
        }

        return fitted;
    }

    // A container without a request gets its limit as request (API defaulting), and the quota counts that.
    private static Memory OldRequest(ContainerTarget target) => target.CurrentRequest ?? target.CurrentLimit ?? Memory.Zero;

    private static List<Memory> Trim(List<(Memory Old, Memory New)> values, Memory others, Memory free)
    {
        var budget = free - others - values.Aggregate(Memory.Zero, (sum, v) => sum + Memory.Min(v.Old, v.New));
        var result = new List<Memory>(values.Count);
        foreach (var (old, wanted) in values)
        {
            if (wanted <= old)
            {
                result.Add(wanted);
                continue;
            }

            var increase = Memory.Max(Memory.Zero, Memory.Min(wanted - old, budget));
            budget -= increase;
            result.Add(old + increase);
        }

        return result;
    }

    private static string Describe(ContainerTarget t) => t.SetsLimit ? $"request {t.Request} limit {t.Limit}" : $"request {t.Request}";
}
