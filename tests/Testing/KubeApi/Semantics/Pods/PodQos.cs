using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Admission;

namespace RightSizer.Testing.KubeApi.Semantics.Pods;

/// <summary>
/// The pod QoS class as <c>qos.ComputePodQOS</c> computes it over containers and init containers: Guaranteed when
/// every container's cpu and memory limits are set and equal to its requests, BestEffort when none has a cpu or
/// memory request or limit, Burstable otherwise. Only cpu and memory above zero count.
/// </summary>
public static class PodQos
{
    public const string Guaranteed = "Guaranteed";
    public const string Burstable = "Burstable";
    public const string BestEffort = "BestEffort";

    private static readonly string[] Compute = ["cpu", "memory"];

    public static string Of(JsonObject pod)
    {
        var containers = PodResources.Containers(pod).Concat(PodResources.InitContainers(pod)).ToList();
        var anySet = false;
        var guaranteed = true;
        foreach (var container in containers)
        {
            var requests = Counted(PodResources.List(container, "requests"));
            var limits = Counted(PodResources.List(container, "limits"));
            anySet |= requests.Count > 0 || limits.Count > 0;
            foreach (var resource in Compute)
            {
                if (!limits.TryGetValue(resource, out var limit) || (requests.TryGetValue(resource, out var request) && request.Value != limit.Value))
                {
                    guaranteed = false;
                }
            }
        }

        return !anySet ? BestEffort : guaranteed ? Guaranteed : Burstable;
    }

    private static Dictionary<string, Quantity> Counted(SortedDictionary<string, Quantity> list) =>
        list.Where(p => Compute.Contains(p.Key) && p.Value.Value > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
