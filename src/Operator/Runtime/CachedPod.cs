using k8s.Models;

namespace RightSizer.Operator.Runtime;

/// <summary>
/// What the pod cache drops beyond <see cref="CachedObject.Trim"/>: the parts of a pod that neither the reconciler,
/// the updater nor the watch handlers read (volumes, probes, ports, scheduling constraints, security contexts, the
/// per-container runtime details of the status). The pod cache is the operator's largest, one entry per pod of the
/// watched namespaces, and these parts are most of a running pod's object graph. What stays: metadata, each
/// container's name, image, command, args, literal env values, resources and resize policy, and the status's phase,
/// QoS class, conditions and each container's name, restart count, last state and resources. Nothing dropped here is
/// ever written back: evictions name the pod, and resizes send a patch of their own.
/// </summary>
public static class CachedPod
{
    public static void Trim(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Spec is { } spec)
        {
            TrimSpec(spec);
        }

        if (pod.Status is { } status)
        {
            TrimStatus(status);
        }
    }

    private static void TrimSpec(V1PodSpec spec)
    {
        spec.Volumes = null;
        spec.Affinity = null;
        spec.Tolerations = null;
        spec.TopologySpreadConstraints = null;
        spec.NodeSelector = null;
        spec.SecurityContext = null;
        spec.ImagePullSecrets = null;
        spec.HostAliases = null;
        spec.DnsConfig = null;
        spec.DnsPolicy = null;
        spec.SchedulerName = null;
        spec.ServiceAccount = null;
        spec.ServiceAccountName = null;
        spec.PriorityClassName = null;
        spec.PreemptionPolicy = null;
        spec.ReadinessGates = null;
        spec.SchedulingGates = null;
        spec.EphemeralContainers = null;
        foreach (var container in spec.Containers ?? [])
        {
            TrimContainer(container);
        }

        foreach (var container in spec.InitContainers ?? [])
        {
            TrimContainer(container);
        }
    }

    private static void TrimContainer(V1Container container)
    {
        container.LivenessProbe = null;
        container.ReadinessProbe = null;
        container.StartupProbe = null;
        container.Lifecycle = null;
        container.Ports = null;
        container.VolumeMounts = null;
        container.VolumeDevices = null;
        container.SecurityContext = null;
        container.EnvFrom = null;
        container.TerminationMessagePath = null;
        container.TerminationMessagePolicy = null;
        container.ImagePullPolicy = null;
        container.WorkingDir = null;

        // Readers take literal values only; an entry that reads a secret or a field is of no use to them.
        if (container.Env is { } env && env.Any(e => e.Value is null))
        {
            container.Env = [.. env.Where(e => e.Value is not null)];
        }
    }

    private static void TrimStatus(V1PodStatus status)
    {
        status.HostIP = null;
        status.HostIPs = null;
        status.PodIP = null;
        status.PodIPs = null;
        status.NominatedNodeName = null;
        status.InitContainerStatuses = null;
        status.EphemeralContainerStatuses = null;
        foreach (var container in status.ContainerStatuses ?? [])
        {
            container.State = null;
            container.Image = null;
            container.ImageID = null;
            container.ContainerID = null;
            container.VolumeMounts = null;
            container.User = null;
            container.AllocatedResourcesStatus = null;
        }
    }
}
