using RightSizer.Api.V1alpha1;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// The pod QoS class from its containers' CPU and memory requests and limits, by the kubelet's rules: a limit without
/// a request defaults the request to the limit; Guaranteed needs every container's memory and CPU limits set and equal
/// to the requests; BestEffort has no request or limit anywhere; anything else is Burstable. Init containers are not
/// reported per container by kube-state-metrics' <c>kube_pod_container_*</c> series and are not counted.
/// </summary>
public static class PodQos
{
    /// <summary>One container's values: memory in bytes, CPU in millicores; null or 0 when unset.</summary>
    public readonly record struct ContainerResources(double? MemoryRequest, double? MemoryLimit, double? CpuRequest, double? CpuLimit);

    /// <summary>The QoS class and whether every container's CPU limit equals its CPU request.</summary>
    public static (QosClass QosClass, bool CpuGuaranteed) Classify(IReadOnlyCollection<ContainerResources> containers)
    {
        if (containers.Count == 0)
        {
            return (QosClass.BestEffort, false);
        }

        var cpuGuaranteed = containers.All(c => IsGuaranteed(c.CpuRequest, c.CpuLimit));
        if (cpuGuaranteed && containers.All(c => IsGuaranteed(c.MemoryRequest, c.MemoryLimit)))
        {
            return (QosClass.Guaranteed, true);
        }

        var anySet = containers.Any(c => IsSet(c.MemoryRequest) || IsSet(c.MemoryLimit) || IsSet(c.CpuRequest) || IsSet(c.CpuLimit));
        return (anySet ? QosClass.Burstable : QosClass.BestEffort, cpuGuaranteed);
    }

    private static bool IsGuaranteed(double? request, double? limit) =>
        IsSet(limit) && (!IsSet(request) || request == limit);

    private static bool IsSet(double? value) => value is > 0;
}
