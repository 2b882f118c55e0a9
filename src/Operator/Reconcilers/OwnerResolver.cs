using k8s.Models;
using RightSizer.Operator.Hosting;

namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// Follows a pod's controller up to the workload a person manages, as the Prometheus history source does: a
/// ReplicaSet owned by a Deployment is the Deployment, a Job owned by a CronJob is the CronJob. Reads only the caches.
/// </summary>
public sealed class OwnerResolver(ClusterCaches caches)
{
    public WorkloadRef Resolve(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var ns = pod.Metadata.NamespaceProperty ?? string.Empty;
        var owner = Controller(pod.Metadata);
        if (owner is null)
        {
            return new WorkloadRef(WorkloadRef.PodKind, pod.Metadata.Name);
        }

        switch (owner.Kind)
        {
            case "ReplicaSet":
                var rs = caches.ReplicaSets.Get(ns, owner.Name);
                var deployment = rs is null ? null : Controller(rs.Metadata);
                return deployment is { Kind: "Deployment" } ? new WorkloadRef("Deployment", deployment.Name) : new WorkloadRef("ReplicaSet", owner.Name);
            case "Job":
                var job = caches.Jobs.Get(ns, owner.Name);
                var cronJob = job is null ? null : Controller(job.Metadata);
                return cronJob is { Kind: "CronJob" } ? new WorkloadRef("CronJob", cronJob.Name) : new WorkloadRef("Job", owner.Name);
            default:
                return new WorkloadRef(owner.Kind, owner.Name);
        }
    }

    public static V1OwnerReference? Controller(V1ObjectMeta metadata) =>
        metadata.OwnerReferences?.FirstOrDefault(owner => owner.Controller == true);
}
