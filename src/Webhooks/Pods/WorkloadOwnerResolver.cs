using k8s.Models;
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
        var controller = Controller(metadata?.OwnerReferences);
        if (controller?.Name is not { Length: > 0 } name)
        {
            return [];
        }

        switch (controller.Kind)
        {
            case nameof(WorkloadKind.ReplicaSet):
                var deployment = ControllerName(cache.ReplicaSet(@namespace, name)?.Metadata?.OwnerReferences, nameof(WorkloadKind.Deployment))
                    ?? DeploymentFromHash(name, metadata!.Labels);
                return deployment is null
                    ? [new(WorkloadKind.ReplicaSet, name)]
                    : [new(WorkloadKind.ReplicaSet, name), new(WorkloadKind.Deployment, deployment)];
            case nameof(WorkloadKind.Job):
                var cronJob = ControllerName(cache.Job(@namespace, name)?.Metadata?.OwnerReferences, nameof(WorkloadKind.CronJob));
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

    private static OwnerReferenceView? Controller(IReadOnlyList<OwnerReferenceView?>? owners)
    {
        for (var i = 0; i < (owners?.Count ?? 0); i++)
        {
            if (owners![i] is { Controller: true } owner)
            {
                return owner;
            }
        }

        return null;
    }

    private static string? ControllerName(IList<V1OwnerReference>? owners, string kind)
    {
        for (var i = 0; i < (owners?.Count ?? 0); i++)
        {
            if (owners![i] is { Controller: true } owner && owner.Kind == kind)
            {
                return owner.Name;
            }
        }

        return null;
    }

    // A ReplicaSet the cache has not seen yet (created a moment ago): the Deployment controller names it
    // <deployment>-<pod-template-hash> and copies the hash into the pod's labels.
    private static string? DeploymentFromHash(string replicaSet, IReadOnlyDictionary<string, string>? labels) =>
        labels?.GetValueOrDefault(PodTemplateHashLabel) is { Length: > 0 } hash && replicaSet.EndsWith("-" + hash, StringComparison.Ordinal)
            ? replicaSet[..^(hash.Length + 1)]
            : null;
}
