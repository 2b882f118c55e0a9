using System.Globalization;
using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using static System.FormattableString;

namespace RightSizer.Operator.Updater;

/// <summary>
/// Decides, for one workload, which running pods to bring to the recommendation, how, in what order, and why the
/// others are left. Pure: a function of <see cref="UpdatePlanInput"/>.
/// <list type="number">
/// <item>A pod needs an update when a container's request or limit differs from the target by more than minChange,
/// or when it was OOM-killed with a limit below the new one.</item>
/// <item>Never: pods without a controller (nothing would recreate them), workloads rolling out, single-replica
/// workloads, or when the replacement would not fit the namespace's quota or LimitRange.</item>
/// <item>InPlace on a server with pods/resize resizes, unless the resize is infeasible, would change the QoS class,
/// decreases a limit the server cannot decrease without a restart, or concerns a heap sized at start without
/// RestartContainer: those pods are evicted instead. Deferred and in-progress resizes are waited for.</item>
/// <item>Disruptions are bounded by maxUnavailable (counting pods not Ready) and spaced by cooldown since the newest
/// pod started; OOM-killed pods go first, then the largest drift, then the oldest.</item>
/// </list>
/// </summary>
public static class UpdatePlanner
{
    public static UpdatePlan Plan(UpdatePlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = input.Settings;
        if (settings.Mode is not (PolicyMode.Recreate or PolicyMode.InPlace))
        {
            return UpdatePlan.Empty;
        }

        var decisions = new List<PodDecision>();
        var candidates = new List<Candidate>();
        foreach (var pod in input.Pods.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var need = Need(pod, input.Targets, settings.MinChange);
            if (need is null)
            {
                decisions.Add(new PodDecision(pod.Name, UpdateAction.None, UpdateReasons.InSync, "within minChange of the recommendation"));
            }
            else if (!pod.HasController)
            {
                decisions.Add(new PodDecision(pod.Name, UpdateAction.None, UpdateReasons.NoController, "no controller would recreate it"));
            }
            else
            {
                candidates.Add(need);
            }
        }

        if (candidates.Count == 0)
        {
            return new UpdatePlan(decisions, null);
        }

        var blocked = WorkloadBlock(input);
        if (blocked is { } block)
        {
            decisions.AddRange(candidates.Select(c => new PodDecision(c.Pod.Name, UpdateAction.None, block.Reason, block.Message)));
            return new UpdatePlan(decisions, null);
        }

        var ordered = candidates
            .OrderByDescending(c => c.OomKilled)
            .ThenByDescending(c => c.Drift)
            .ThenBy(c => c.Pod.Created)
            .ThenBy(c => c.Pod.Name, StringComparer.Ordinal)
            .Select(c => (Candidate: c, Choice: Choose(c.Pod, input)))
            .ToList();

        var desired = input.Workload.Replicas ?? input.Pods.Count;
        var unavailable = Math.Max(0, desired - input.Pods.Count(p => p.Ready)) + input.Pods.Count(p => p.Resize == ResizeStatus.InProgress);
        var budget = MaxUnavailable(settings.MaxUnavailable, desired) - unavailable;
        var newest = input.Pods.Max(p => p.Created);
        var cooldownLeft = settings.Cooldown - (input.Now - newest);
        TimeSpan? retry = null;

        foreach (var (candidate, choice) in ordered)
        {
            var name = candidate.Pod.Name;
            if (choice.Action == UpdateAction.None)
            {
                decisions.Add(new PodDecision(name, UpdateAction.None, choice.Reason, choice.Message));
                retry = Shorter(retry, TimeSpan.FromSeconds(30));
                continue;
            }

            if (budget <= 0)
            {
                var reason = unavailable > 0 ? UpdateReasons.WaitingForReady : UpdateReasons.MaxUnavailable;
                decisions.Add(new PodDecision(name, UpdateAction.None, reason, Invariant($"{unavailable} of {desired} pods unavailable; maxUnavailable {settings.MaxUnavailable}")));
                retry = Shorter(retry, TimeSpan.FromSeconds(30));
                continue;
            }

            if (choice.Action == UpdateAction.Evict && cooldownLeft > TimeSpan.Zero)
            {
                decisions.Add(new PodDecision(name, UpdateAction.None, UpdateReasons.Cooldown, Invariant($"the newest pod started {PromDuration.Format(input.Now - newest)} ago; cooldown {PromDuration.Format(settings.Cooldown)}")));
                retry = Shorter(retry, cooldownLeft);
                continue;
            }

            budget--;
            decisions.Add(new PodDecision(name, choice.Action, choice.Reason, $"{candidate.Why}; {choice.Message}"));
            if (choice.Action == UpdateAction.Evict)
            {
                // One eviction per cooldown: the next waits for its replacement and the cooldown.
                cooldownLeft = settings.Cooldown;
            }
        }

        return new UpdatePlan(decisions, retry);
    }

    /// <summary>maxUnavailable as a count: an integer, or a percentage of the desired pods rounded down, at least 1.</summary>
    public static int MaxUnavailable(string text, int desired)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.EndsWith('%') && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            return Math.Max(1, desired * percent / 100);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? Math.Max(1, count) : 1;
    }

    private static (string Reason, string Message)? WorkloadBlock(UpdatePlanInput input)
    {
        if (input.Workload.RollingOut)
        {
            return (UpdateReasons.RollingOut, $"{input.Workload.Name} is rolling out");
        }

        if ((input.Workload.Replicas ?? input.Pods.Count) <= 1 && !input.Settings.AllowSingleReplica)
        {
            return (UpdateReasons.SingleReplica, $"{input.Workload.Name} has a single replica: disrupting it would take it down");
        }

        return input.ReplacementBlocked is { } message ? (UpdateReasons.ReplacementWouldNotFit, message) : null;
    }

    private static Choice Choose(PodSnapshot pod, UpdatePlanInput input)
    {
        if (input.Settings.Mode != PolicyMode.InPlace)
        {
            return new Choice(UpdateAction.Evict, UpdateReasons.Drifted, "evicting so the replacement gets the new values");
        }

        if (!input.Server.InPlaceResize)
        {
            return new Choice(UpdateAction.Evict, UpdateReasons.ResizeUnsupported, Invariant($"the API server ({input.Server.Major}.{input.Server.Minor}) has no pods/resize; evicting instead"));
        }

        switch (pod.Resize)
        {
            case ResizeStatus.Infeasible:
                return new Choice(UpdateAction.Evict, UpdateReasons.ResizeInfeasible, "the node found the resize infeasible; evicting instead");
            case ResizeStatus.Deferred:
                return new Choice(UpdateAction.None, UpdateReasons.ResizeDeferred, "the node deferred the resize; waiting");
            case ResizeStatus.InProgress:
                return new Choice(UpdateAction.None, UpdateReasons.ResizeInProgress, "a resize is in progress");
            default:
                break;
        }

        if (input.Targets.Select(t => t.QosClass).FirstOrDefault(q => q is not null) is { } qos && pod.QosClass is { } current && qos != current)
        {
            return new Choice(UpdateAction.Evict, UpdateReasons.QosClassWouldChange, $"the QoS class would change from {current} to {qos}, which a resize may not do; evicting instead");
        }

        foreach (var container in pod.Containers)
        {
            var target = input.Targets.FirstOrDefault(t => t.Name == container.Name);
            if (target is null)
            {
                continue;
            }

            if (target.HeapSized && !container.RestartOnMemoryResize)
            {
                return new Choice(UpdateAction.Evict, UpdateReasons.HeapNeedsRestart, $"{container.Name} sizes its heap at start and its resizePolicy does not restart it; evicting instead");
            }

            if (!input.Server.LimitDecreaseWithoutRestart && !container.RestartOnMemoryResize
                && target.Limit is { } newLimit && container.Limit is { } oldLimit && newLimit < oldLimit)
            {
                return new Choice(UpdateAction.Evict, UpdateReasons.LimitDecreaseNeedsRestart, $"{container.Name}: this server decreases memory limits only with resizePolicy RestartContainer; evicting instead");
            }
        }

        return new Choice(UpdateAction.Resize, UpdateReasons.Drifted, "resizing in place");
    }

    private static Candidate? Need(PodSnapshot pod, IReadOnlyList<ContainerTarget> targets, double minChange)
    {
        var drift = 0.0;
        var oom = false;
        var why = new List<string>();
        foreach (var container in pod.Containers)
        {
            var target = targets.FirstOrDefault(t => t.Name == container.Name);
            if (target is null)
            {
                continue;
            }

            var requestDrift = Relative(container.Request, target.Request);
            var limitDrift = target.Limit is { } limit ? Relative(container.Limit, limit) : 0;
            if (Math.Max(requestDrift, limitDrift) > minChange)
            {
                drift = Math.Max(drift, Math.Max(requestDrift, limitDrift));
                why.Add($"{container.Name} {container.Request?.ToQuantity() ?? "none"}/{container.Limit?.ToQuantity() ?? "none"} -> {target.Request.ToQuantity()}/{target.Limit?.ToQuantity() ?? "unchanged"}");
            }

            if (container.OomKilledAtLimit is { } killedAt && target.Limit is { } newLimit && killedAt < newLimit)
            {
                oom = true;
                why.Add($"{container.Name} OOM-killed at {killedAt.ToQuantity()}, below the new limit {newLimit.ToQuantity()}");
            }
        }

        return drift > 0 || oom ? new Candidate(pod, drift, oom, string.Join("; ", why)) : null;
    }

    private static double Relative(Memory? current, Memory target) =>
        current is { Bytes: > 0 } c ? Math.Abs(target.Bytes - c.Bytes) / (double)c.Bytes : double.PositiveInfinity;

    private static TimeSpan? Shorter(TimeSpan? a, TimeSpan b) => a is { } x && x < b ? x : b;

    private sealed record Candidate(PodSnapshot Pod, double Drift, bool OomKilled, string Why);

    private sealed record Choice(UpdateAction Action, string Reason, string Message);
}
