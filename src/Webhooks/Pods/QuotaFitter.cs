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
        var fitted = new ContainerTarget[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            fitted[i] = targets[i];
        }

        if (quota.Requests is { } freeRequests)
        {
            var budget = freeRequests - otherRequests;
            foreach (var target in fitted)
            {
                budget -= Memory.Min(OldRequest(target), target.Request);
            }

            for (var i = 0; i < fitted.Length; i++)
            {
                var request = Trim(OldRequest(fitted[i]), fitted[i].Request, ref budget);
                if (request != fitted[i].Request)
                {
                    fitted[i] = fitted[i] with { Request = request };
                }
            }
        }

        if (quota.Limits is { } freeLimits)
        {
            var budget = freeLimits - otherLimits;
            foreach (var target in fitted)
            {
                if (target.SetsLimit)
                {
                    budget -= Memory.Min(target.CurrentLimit ?? Memory.Zero, target.Limit!.Value);
                }
            }

            for (var i = 0; i < fitted.Length; i++)
            {
                var target = fitted[i];
                if (!target.SetsLimit)
                {
                    continue;
                }

                var limit = Trim(target.CurrentLimit ?? Memory.Zero, target.Limit!.Value, ref budget);
                var request = Memory.Min(target.Request, limit);
                if (limit != target.Limit || request != target.Request)
                {
                    fitted[i] = target with { Limit = limit, Request = request };
                }
            }
        }

        for (var i = 0; i < fitted.Length; i++)
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

    // Decreases always apply; an increase takes what is left of the budget, in container order.
    private static Memory Trim(Memory old, Memory wanted, ref Memory budget)
    {
        if (wanted <= old)
        {
            return wanted;
        }

        var increase = Memory.Max(Memory.Zero, Memory.Min(wanted - old, budget));
        budget -= increase;
        return old + increase;
    }

    private static string Describe(ContainerTarget t) => t.SetsLimit ? $"request {t.Request} limit {t.Limit}" : $"request {t.Request}";
}
