using k8s.Models;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Reconcilers;

/// <summary>Reads memory and CPU values out of pod specs, parsing each Kubernetes quantity once, here.</summary>
public static class PodResources
{
    public static Memory? MemoryRequest(V1Container container) => MemoryOf(container.Resources?.Requests);

    public static Memory? MemoryLimit(V1Container container) => MemoryOf(container.Resources?.Limits);

    public static long? CpuMillis(IDictionary<string, ResourceQuantity>? values) =>
        values is not null && values.TryGetValue("cpu", out var q) ? (long)Math.Round(q.ToDecimal() * 1000m) : null;

    public static Memory? MemoryOf(IDictionary<string, ResourceQuantity>? values) =>
        values is not null && values.TryGetValue("memory", out var q) ? Memory.FromBytes((double)q.ToDecimal()) : null;

    /// <summary>Whether every container's CPU limit equals its CPU request: the CPU half of the Guaranteed rule.</summary>
    public static bool CpuGuaranteed(V1Pod pod) =>
        (pod.Spec?.Containers ?? []).All(c => CpuMillis(c.Resources?.Limits) is { } limit && (CpuMillis(c.Resources?.Requests) ?? limit) == limit);
}
