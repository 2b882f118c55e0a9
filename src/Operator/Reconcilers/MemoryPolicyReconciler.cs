using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Hosting;
using RightSizer.Operator.Runtime;
using RightSizer.Operator.Updater;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Policy;

namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// Reconciles one MemoryPolicy from current state, whatever happened: resolves its target from the caches, sizes the
/// target's containers from the last history snapshot with the headroom calibrated on them
/// (<see cref="PolicyRecommendations"/>), writes the status (only when it changed), records events, and in Recreate and InPlace modes asks the planner what to do with running pods and has
/// the executor do it. A missing target touches nothing but the TargetFound condition.
/// </summary>
public sealed partial class MemoryPolicyReconciler(
    ClusterCaches caches,
    HistoryStore history,
    RecommendationCycle cycle,
    IRecommendationEngine engine,
    StatusWriter statusWriter,
    EventRecorder events,
    UpdateExecutor executor,
    ServerInfo server,
    RecommendationMetrics metrics,
    TimeProvider time,
    ILogger<MemoryPolicyReconciler> logger) : IReconciler
{
    private readonly TargetResolver _targets = new(caches);

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var policy = caches.Policies.Get(key.Namespace, key.Name);
        if (policy is null)
        {
            return ReconcileResult.Done;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["policy"] = key.ToString(),
            ["reconcileId"] = Guid.NewGuid().ToString("N")[..12],
            ["generation"] = policy.Metadata.Generation ?? 0,
        });

        var target = _targets.Resolve(policy);
        var snapshot = history.Latest;
        var failure = history.Failure;
        var state = failure is not null ? (failure.Unreachable ? HistoryState.Unreachable : HistoryState.Failed)
            : snapshot is null ? HistoryState.Pending : HistoryState.Available;
        var all = PolicySettingsResolver.Resolve(policy.Spec, MemoryPolicyDefaults.AllContainers);
        // A longer window, or a workload that appeared after the last scan (a new policy, a new target), would otherwise
        // wait a whole interval for its history.
        if (snapshot is not null && (snapshot.Window < all.HistoryWindow || target.Workloads.Any(w => !snapshot.Covers(all.Signal, key.Namespace, w.Ref))))
        {
            cycle.RequestScan();
        }

        var computed = target.Found && snapshot is not null ? PolicyRecommendations.Compute(policy, target, snapshot, engine) : null;
        var recommendations = computed?.Recommendations;

        var statusInput = new StatusInput(
            policy.Metadata.Generation ?? 0,
            target.Found,
            target.Message,
            target.Pods.Count,
            state,
            failure?.Message,
            recommendations,
            snapshot?.AsOf,
            time.GetUtcNow())
        {
            OffContainers = computed?.OffContainers ?? new HashSet<string>(StringComparer.Ordinal),
            TargetReason = target.Reason,
        };

        var plans = Plan(policy, target, recommendations);
        var blocked = plans.SelectMany(p => p.Plan.Decisions).FirstOrDefault(d => d.Reason == UpdateReasons.ReplacementWouldNotFit);
        if (blocked is not null)
        {
            statusInput = statusInput with { UpdateBlocked = (ConditionReasons.ReplacementWouldNotFit, blocked.Message) };
        }

        var previous = policy.Status;
        var (stored, written) = await statusWriter.WriteAsync(
            policy,
            fresh => StatusBuilder.Build(statusInput with { Generation = fresh.Metadata.Generation ?? 0 }, fresh.Status),
            cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return ReconcileResult.Done;
        }

        if (written)
        {
            LogStatusWritten(logger, stored.Status?.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready)?.Reason ?? string.Empty);
        }

        var minChange = policy.Spec.Update?.MinChange ?? MemoryPolicyDefaults.MinChange;
        if (computed is not null)
        {
            var changes = PolicyEvents.Diff(previous, computed.Recommendations, computed.CurrentLimits, minChange);
            metrics.RecommendationChanged(changes.Count(e => e.Reason == EventReasons.RecommendationChanged));
            foreach (var e in changes)
            {
                await events.RecordAsync(stored, e, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!target.Found && previous?.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.TargetFound)?.Status != ConditionStatus.False)
        {
            await events.RecordAsync(stored, new PolicyEvent(EventReasons.TargetNotFound, target.Message, Warning: true), cancellationToken).ConfigureAwait(false);
        }

        return await ApplyAsync(stored, plans, cancellationToken).ConfigureAwait(false);
    }

    private List<(WorkloadState Workload, UpdatePlan Plan, IReadOnlyList<ContainerTarget> Targets)> Plan(
        V1alpha1MemoryPolicy policy, ResolvedTarget target, IReadOnlyList<Recommendation>? recommendations)
    {
        var mode = policy.Spec.Mode ?? MemoryPolicyDefaults.Mode;
        if (mode is not (PolicyMode.Recreate or PolicyMode.InPlace) || recommendations is null || !target.Found)
        {
            return [];
        }

        var update = policy.Spec.Update;
        var settings = new UpdateSettings(
            mode,
            update?.MinChange ?? MemoryPolicyDefaults.MinChange,
            update?.MaxUnavailable ?? MemoryPolicyDefaults.MaxUnavailable,
            PromDuration.Parse(update?.Cooldown ?? MemoryPolicyDefaults.Cooldown));
        var targets = recommendations
            .Where(r => r is { HasValue: true, Series.Container: not null })
            .Select(r =>
            {
                var controlled = PolicySettingsResolver.Resolve(policy.Spec, r.Series.Container!).ControlledValues;
                return new ContainerTarget(
                    r.Series.Container!,
                    r.Request!.Value,
                    controlled == ControlledValues.RequestsOnly ? null : r.Limit,
                    r.QosClass,
                    r.Heap is not null);
            })
            .Where(t => PolicySettingsResolver.Resolve(policy.Spec, t.Name).Mode != ContainerMode.Off)
            .ToList();
        if (targets.Count == 0)
        {
            return [];
        }

        var ns = policy.Metadata.NamespaceProperty ?? string.Empty;
        var result = new List<(WorkloadState Workload, UpdatePlan Plan, IReadOnlyList<ContainerTarget> Targets)>();
        foreach (var workload in target.Workloads)
        {
            var pods = target.Pods
                .Where(p => target.OwnerOfPod.GetValueOrDefault(p.Metadata.Name) == workload.Ref)
                .Select(PodSnapshots.From)
                .ToList();
            if (pods.Count == 0)
            {
                continue;
            }

            var blocked = ReplacementFit.Check(pods[0], targets, caches.ResourceQuotas.List(ns), caches.LimitRanges.List(ns));
            var input = new UpdatePlanInput(
                settings,
                new WorkloadSnapshot(workload.Ref.ToString(), workload.Replicas, workload.RollingOut),
                pods,
                targets,
                server.Capabilities,
                time.GetUtcNow(),
                blocked);
            result.Add((workload, UpdatePlanner.Plan(input), (IReadOnlyList<ContainerTarget>)targets));
        }

        return result;
    }

    private async Task<ReconcileResult> ApplyAsync(
        V1alpha1MemoryPolicy policy,
        List<(WorkloadState Workload, UpdatePlan Plan, IReadOnlyList<ContainerTarget> Targets)> plans,
        CancellationToken cancellationToken)
    {
        TimeSpan? retry = null;
        var ns = policy.Metadata.NamespaceProperty ?? string.Empty;
        foreach (var (workload, plan, targets) in plans)
        {
            foreach (var waiting in plan.Decisions.Where(d => d.Reason is UpdateReasons.ResizeDeferred or UpdateReasons.ReplacementWouldNotFit))
            {
                var reason = waiting.Reason == UpdateReasons.ResizeDeferred ? EventReasons.ResizeDeferred : EventReasons.UpdateBlocked;
                await events.RecordAsync(policy, new PolicyEvent(reason, $"{waiting.Pod}: {waiting.Message}", Warning: true), cancellationToken).ConfigureAwait(false);
            }

            var results = await executor.ExecuteAsync(
                ns,
                plan.Actions,
                pod => ResizePatch.Build(PodSnapshots.From(caches.Pods.Get(ns, pod)!), targets),
                cancellationToken).ConfigureAwait(false);
            foreach (var r in results)
            {
                LogUpdated(logger, r.Action, r.Pod, r.Outcome, r.Message);
                var e = (r.Action, r.Outcome) switch
                {
                    (UpdateAction.Evict, UpdateOutcome.Done) => new PolicyEvent(EventReasons.Evicted, $"{r.Pod}: {r.Message}"),
                    (UpdateAction.Evict, UpdateOutcome.Refused) => new PolicyEvent(EventReasons.EvictionRefused, $"{r.Pod}: {r.Message}", Warning: true),
                    (UpdateAction.Evict, UpdateOutcome.Failed) => new PolicyEvent(EventReasons.EvictionRefused, $"{r.Pod}: {r.Message}", Warning: true),
                    (UpdateAction.Resize, UpdateOutcome.Done) => new PolicyEvent(EventReasons.Resized, $"{r.Pod}: {r.Message}"),
                    (UpdateAction.Resize, UpdateOutcome.Failed) => new PolicyEvent(EventReasons.ResizeFailed, $"{r.Pod}: {r.Message}", Warning: true),
                    _ => null,
                };
                if (e is not null)
                {
                    await events.RecordAsync(policy, e, cancellationToken).ConfigureAwait(false);
                }

                if (plan.Decisions.Any(d => d.Pod == r.Pod && d.Reason == UpdateReasons.ResizeInfeasible) && r.Outcome == UpdateOutcome.Done)
                {
                    await events.RecordAsync(policy, new PolicyEvent(EventReasons.ResizeInfeasible, $"{r.Pod}: the node could not resize it; evicted instead", Warning: true), cancellationToken).ConfigureAwait(false);
                }
            }

            // Whatever was done or refused, look again soon: the replacement's readiness decides the next step.
            var next = results.Count > 0 ? TimeSpan.FromSeconds(15) : plan.RetryAfter;
            if (next is { } n && (retry is null || n < retry))
            {
                retry = n;
            }

            LogPlanned(logger, workload.Ref.ToString(), plan.Actions.Count(), plan.Decisions.Count);
        }

        return retry is { } delay ? ReconcileResult.After(delay) : ReconcileResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Status written (Ready reason {Reason})")]
    private static partial void LogStatusWritten(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} {Pod}: {Outcome} ({Message})")]
    private static partial void LogUpdated(ILogger logger, UpdateAction action, string pod, UpdateOutcome outcome, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Plan for {Workload}: {Actions} actions over {Pods} pods")]
    private static partial void LogPlanned(ILogger logger, string workload, int actions, int pods);
}
