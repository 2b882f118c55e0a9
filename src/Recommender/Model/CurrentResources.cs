using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Recommender.Model;

/// <summary>What the container runs with today (from kube-state-metrics or a pod spec).</summary>
/// <param name="QosClass">The pod's QoS class today, where known.</param>
/// <param name="PodCpuGuaranteed">
/// Whether every container of the pod has a CPU limit equal to its CPU request, the other half of the Guaranteed rule.
/// </param>
public sealed record CurrentResources(
    Memory? MemoryRequest,
    Memory? MemoryLimit,
    long? CpuRequestMillis = null,
    long? CpuLimitMillis = null,
    QosClass? QosClass = null,
    bool? PodCpuGuaranteed = null);
