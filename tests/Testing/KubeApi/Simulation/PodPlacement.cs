using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The scheduler's filters the simulated cluster needs: <c>spec.nodeSelector</c>, the required node affinity's
/// <c>matchFields</c> on <c>metadata.name</c> (how the DaemonSet controller pins a pod to its node), and a cordoned
/// node's <c>node.kubernetes.io/unschedulable</c> taint unless the pod tolerates it.
/// </summary>
public static class PodPlacement
{
    public const string UnschedulableTaint = "node.kubernetes.io/unschedulable";

    public static bool Allows(JsonObject pod, JsonObject node)
    {
        var labels = ObjectMeta.Labels(node);
        var nodeSelector = pod["spec"]?["nodeSelector"] as JsonObject ?? [];
        if (nodeSelector.Any(p => !labels.TryGetValue(p.Key, out var value) || value != p.Value?.ToString()))
        {
            return false;
        }

        if (PinnedNode(pod) is { } pinned && pinned != ObjectMeta.Name(node))
        {
            return false;
        }

        return node["spec"]?["unschedulable"]?.GetValue<bool>() != true || Tolerates(pod, UnschedulableTaint);
    }

    /// <summary>The node a pod is bound to, or pinned to by a <c>metadata.name In [node]</c> required affinity term.</summary>
    public static string? PinnedNode(JsonObject pod)
    {
        if (pod["spec"]?["nodeName"]?.ToString() is { Length: > 0 } bound)
        {
            return bound;
        }

        var terms = pod["spec"]?["affinity"]?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"] as JsonArray ?? [];
        return terms.OfType<JsonObject>()
            .SelectMany(t => (t["matchFields"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(f => f["key"]?.ToString() == "metadata.name" && f["operator"]?.ToString() == "In")
            .Select(f => (f["values"] as JsonArray)?.FirstOrDefault()?.ToString())
            .FirstOrDefault(n => n is not null);
    }

    private static bool Tolerates(JsonObject pod, string taint) =>
        (pod["spec"]?["tolerations"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(t => (t["key"]?.ToString() == taint || (t["key"] is null && t["operator"]?.ToString() == "Exists"))
                && t["effect"]?.ToString() is null or "NoSchedule");
}
