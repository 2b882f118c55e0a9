using k8s.Models;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Reconcilers;

namespace RightSizer.Operator.Updater;

/// <summary>Maps API pods to what the planner reads, parsing quantities and conditions once.</summary>
public static class PodSnapshots
{
    public static PodSnapshot From(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var statuses = pod.Status?.ContainerStatuses ?? [];
        var containers = (pod.Spec?.Containers ?? []).Select(c =>
        {
            var status = statuses.FirstOrDefault(s => s.Name == c.Name);
            // What the container runs with: after a resize the spec holds the desired values at once, deferred or
            // infeasible or not; status.containerStatuses[].resources (1.33+) holds what the kubelet actuated.
            var running = status?.Resources ?? c.Resources;
            var limit = PodResources.MemoryOf(running?.Limits);
            var oom = status?.LastState?.Terminated?.Reason == "OOMKilled" ? limit : null;
            var restart = c.ResizePolicy?.Any(p => p.ResourceName == "memory" && p.RestartPolicy == "RestartContainer") == true;
            return new ContainerState(c.Name, PodResources.MemoryOf(running?.Requests), limit, restart, oom);
        }).ToList();

        return new PodSnapshot(
            pod.Metadata.Name,
            Ready: pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true,
            HasController: OwnerResolver.Controller(pod.Metadata) is not null,
            Enum.TryParse<QosClass>(pod.Status?.QosClass, out var qos) ? qos : null,
            new DateTimeOffset(DateTime.SpecifyKind(pod.Metadata.CreationTimestamp ?? DateTime.UnixEpoch, DateTimeKind.Utc)),
            containers)
        {
            Resize = Resize(pod),
        };
    }

    private static ResizeStatus Resize(V1Pod pod)
    {
        var conditions = pod.Status?.Conditions ?? [];
        var pending = conditions.FirstOrDefault(c => c.Type == "PodResizePending" && c.Status == "True");
        if (pending?.Reason == "Infeasible")
        {
            return ResizeStatus.Infeasible;
        }

        if (pending?.Reason == "Deferred")
        {
            return ResizeStatus.Deferred;
        }

        return conditions.Any(c => c.Type == "PodResizeInProgress" && c.Status == "True") ? ResizeStatus.InProgress : ResizeStatus.None;
    }
}
