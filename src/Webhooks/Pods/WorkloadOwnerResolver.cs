using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// The workloads that own a pod, nearest first: ReplicaSet then its Deployment, Job then its CronJob, or a
/// StatefulSet or DaemonSet. Owners are read from the watch-fed cache, never from the API server.
/// </summary>
public static class WorkloadOwnerResolver
{
    private const string PodTemplateHashLabel = "pod-template-hash";

    public static IReadOnlyList<WorkloadRef> Resolve(PodMetadataView? metadata, string @namespace, IAdmissionCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var controller = metadata?.OwnerReferences?.FirstOrDefault(o => o?.Controller == true);
        if (controller?.Name is not { Length: > 0 } name)
        {
            return [];
        }

        switch (controller.Kind)
        {
            case nameof(WorkloadKind.ReplicaSet):
                var deployment = cache.ReplicaSet(@namespace, name)?.Metadata?.OwnerReferences?
                    .FirstOrDefault(o => o.Controller == true && o.Kind == nameof(WorkloadKind.Deployment))?.Name
                    ?? DeploymentFromHash(name, metadata!.Labels);
                return deployment is null
                    ? [new(WorkloadKind.ReplicaSet, name)]
                    : [new(WorkloadKind.ReplicaSet, name), new(WorkloadKind.Deployment, deployment)];
            case nameof(WorkloadKind.Job):
                var cronJob = cache.Job(@namespace, name)?.Metadata?.OwnerReferences?
                    .FirstOrDefault(o => o.Controller == true && o.Kind == nameof(WorkloadKind.CronJob))?.Name;
                return cronJob is null
                    ? [new(WorkloadKind.Job, name)]
                    : [new(WorkloadKind.Job, name), new(WorkloadKind.CronJob, cronJob)];
            case nameof(WorkloadKind.StatefulSet):
                return [new(WorkloadKind.StatefulSet, name)];
            case nameof(WorkloadKind.DaemonSet):
                return [new(WorkloadKind.DaemonSet, name)];
            default:
                return [];
        }
    }

    // A ReplicaSet the cache has not seen yet (created a moment ago): the Deployment controller names it
    // <deployment>-<pod-template-hash> and copies the hash into the pod's labels.
    private static string? DeploymentFromHash(string replicaSet, IReadOnlyDictionary<string, string>? labels) =>
        labels?.GetValueOrDefault(PodTemplateHashLabel) is { Length: > 0 } hash && replicaSet.EndsWith("-" + hash, StringComparison.Ordinal)
            ? replicaSet[..^(hash.Length + 1)]
            : null;
}
