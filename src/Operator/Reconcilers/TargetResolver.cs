using k8s.Models;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Hosting;

namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// Resolves a policy's target from the caches: the workload named by targetRef (and its pods, through ReplicaSets and
/// Jobs), or the pods a selector matches (and the workloads that own them). Pods that have finished or are being
/// deleted are left out: they are neither sized nor counted.
/// </summary>
public sealed class TargetResolver(ClusterCaches caches)
{
    private readonly OwnerResolver _owners = new(caches);

    public ResolvedTarget Resolve(V1alpha1MemoryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var ns = policy.Metadata.NamespaceProperty ?? string.Empty;
        var spec = policy.Spec;
        if (spec.TargetRef is { Kind: { } kind, Name: { } name })
        {
            var workload = Workload(ns, kind, name);
            if (workload is null)
            {
                return ResolvedTarget.NotFound(ConditionReasons.TargetNotFound, $"{kind} {name} not found in namespace {ns}");
            }

            var wanted = new WorkloadRef(kind.ToString(), name);
            var pods = caches.Pods.List(ns).Where(IsActive).Where(pod => _owners.Resolve(pod) == wanted || DirectlyOwnedBy(pod, wanted)).ToList();
            return new ResolvedTarget(true, $"{kind} {name}: {pods.Count} pods", [workload], pods)
            {
                OwnerOfPod = pods.ToDictionary(pod => pod.Metadata.Name, _ => wanted, StringComparer.Ordinal),
            };
        }

        if (spec.Selector is { } selector)
        {
            var pods = caches.Pods.List(ns).Where(IsActive).Where(pod => SelectorMatcher.Matches(selector, pod.Metadata.Labels)).ToList();
            if (pods.Count == 0)
            {
                return ResolvedTarget.NotFound(ConditionReasons.NoPodsMatched, $"no running pod in namespace {ns} matches the selector");
            }

            var owners = pods.ToDictionary(pod => pod.Metadata.Name, _owners.Resolve, StringComparer.Ordinal);
            var workloads = owners.Values.Distinct()
                .Select(owner => Enum.TryParse<WorkloadKind>(owner.Kind, out var k) ? Workload(ns, k, owner.Name) ?? new WorkloadState(owner, null, false) : new WorkloadState(owner, null, false))
                .OrderBy(w => w.Ref.ToString(), StringComparer.Ordinal)
                .ToList();
            return new ResolvedTarget(true, $"selector: {pods.Count} pods of {workloads.Count} workloads", workloads, pods) { OwnerOfPod = owners };
        }

        return ResolvedTarget.NotFound(ConditionReasons.InvalidSpec, "the policy names neither a targetRef nor a selector");
    }

    /// <summary>Running or about to run, and not being deleted.</summary>
    public static bool IsActive(V1Pod pod) =>
        pod.Metadata.DeletionTimestamp is null && pod.Status?.Phase is not ("Succeeded" or "Failed");

    // A targetRef to a ReplicaSet or Job that another workload owns still means that ReplicaSet's or Job's own pods.
    private static bool DirectlyOwnedBy(V1Pod pod, WorkloadRef wanted) =>
        OwnerResolver.Controller(pod.Metadata) is { } owner && owner.Kind == wanted.Kind && owner.Name == wanted.Name;

    private WorkloadState? Workload(string ns, WorkloadKind kind, string name)
    {
        var reference = new WorkloadRef(kind.ToString(), name);
        switch (kind)
        {
            case WorkloadKind.Deployment when caches.Deployments.Get(ns, name) is { } d:
                var replicas = d.Spec?.Replicas ?? 1;
                var rollingOut = (d.Status?.ObservedGeneration ?? 0) < (d.Metadata.Generation ?? 0)
                    || (d.Status?.UpdatedReplicas ?? 0) < replicas
                    || (d.Status?.Replicas ?? 0) > replicas;
                return new WorkloadState(reference, replicas, rollingOut);
            case WorkloadKind.StatefulSet when caches.StatefulSets.Get(ns, name) is { } s:
                var stsReplicas = s.Spec?.Replicas ?? 1;
                var stsRolling = (s.Status?.ObservedGeneration ?? 0) < (s.Metadata.Generation ?? 0)
                    || (s.Status?.UpdateRevision is { } update && s.Status.CurrentRevision is { } current && update != current)
                    || (s.Status?.UpdatedReplicas ?? stsReplicas) < stsReplicas;
                return new WorkloadState(reference, stsReplicas, stsRolling);
            case WorkloadKind.DaemonSet when caches.DaemonSets.Get(ns, name) is { } ds:
                var desired = ds.Status?.DesiredNumberScheduled ?? 0;
                return new WorkloadState(reference, desired, (ds.Status?.UpdatedNumberScheduled ?? desired) < desired
                    || (ds.Status?.ObservedGeneration ?? 0) < (ds.Metadata.Generation ?? 0));
            case WorkloadKind.ReplicaSet when caches.ReplicaSets.Get(ns, name) is { } rs:
                return new WorkloadState(reference, rs.Spec?.Replicas ?? 1, false);
            case WorkloadKind.Job when caches.Jobs.Get(ns, name) is { } job:
                return new WorkloadState(reference, job.Spec?.Parallelism ?? 1, false);
            case WorkloadKind.CronJob when caches.CronJobs.Get(ns, name) is not null:
                return new WorkloadState(reference, null, false);
            default:
                return null;
        }
    }
}
