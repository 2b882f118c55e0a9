using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Admission;

/// <summary>Reads container and pod resources from a pod's JSON.</summary>
public static class PodResources
{
    public static IEnumerable<JsonObject> Containers(JsonObject pod) => (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>();

    public static IEnumerable<JsonObject> InitContainers(JsonObject pod) => (pod["spec"]?["initContainers"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>A container's <c>resources.requests</c> or <c>resources.limits</c> as quantities.</summary>
    public static SortedDictionary<string, Quantity> List(JsonObject container, string kind)
    {
        var result = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var (name, value) in container["resources"]?[kind] as JsonObject ?? [])
        {
            if (value is not null)
            {
                result[name] = Quantity.Parse(value.ToString());
            }
        }

        return result;
    }

    /// <summary>
    /// The pod's effective request or limit per resource: the sum over containers, or the largest init container when
    /// that is larger (init containers run one at a time before the others), as the scheduler and quota count it.
    /// LimitRanger leaves a resource missing from any container out of the sum (<paramref name="omitPartial"/>);
    /// quota counts a missing value as zero.
    /// </summary>
    public static SortedDictionary<string, Quantity> Pod(JsonObject pod, string kind, bool omitPartial = true)
    {
        var containers = Containers(pod).Select(c => List(c, kind)).ToList();
        var result = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var name in containers.SelectMany(c => c.Keys).Distinct())
        {
            if (!omitPartial || containers.All(c => c.ContainsKey(name)))
            {
                result[name] = containers.Aggregate(Quantity.Zero, (sum, c) => c.TryGetValue(name, out var v) ? sum + v : sum);
            }
        }

        foreach (var init in InitContainers(pod).Select(c => List(c, kind)))
        {
            foreach (var (name, value) in init)
            {
                if (!result.TryGetValue(name, out var current) || value > current)
                {
                    result[name] = value;
                }
            }
        }

        return result;
    }
}
