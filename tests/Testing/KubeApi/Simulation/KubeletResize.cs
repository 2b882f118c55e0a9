using System.Text.Json.Nodes;
using RightSizer.Api.Units;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Semantics.Pods;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The kubelet's half of an in-place resize (KEP-1287 as of 1.33), one status step at a time: a desired change that
/// does not fit leaves <c>PodResizePending</c> (Deferred or Infeasible, <see cref="ResizeFit"/>); one that fits is
/// allocated (<c>allocatedResources</c> takes the new requests) with <c>PodResizeInProgress</c>; the next step actuates
/// it (<c>containerStatuses[].resources</c> takes the new resources) and removes the condition.
/// </summary>
internal static class KubeletResize
{
    public const string PendingCondition = "PodResizePending";
    public const string InProgressCondition = "PodResizeInProgress";

    /// <summary>Moves the pod's resize one step; false when nothing changed (so nothing needs writing).</summary>
    /// <param name="actuate">False while actuation is held: an allocated resize stays in progress.</param>
    public static bool Step(JsonObject pod, Memory allocatedToOthers, Memory allocatable, bool actuate, DateTimeOffset now)
    {
        var pairs = Pairs(pod);
        if (pairs.Count == 0)
        {
            return false;
        }

        var running = pairs.All(p => JsonNode.DeepEquals(Resources(p.Spec), p.Status["resources"]));
        var allocated = pairs.All(p => JsonNode.DeepEquals(Requests(p.Spec), p.Status["allocatedResources"]));
        if (running)
        {
            var changed = !allocated;
            Allocate(pairs);
            return RemoveCondition(pod, PendingCondition) | RemoveCondition(pod, InProgressCondition) | changed;
        }

        if (allocated && HasCondition(pod, InProgressCondition))
        {
            if (!actuate)
            {
                return false;
            }

            foreach (var (spec, status) in pairs)
            {
                status["resources"] = Resources(spec);
            }

            RemoveCondition(pod, InProgressCondition);
            return true;
        }

        var verdict = ResizeFit.Decide(Desired(pod), allocatedToOthers, allocatable);
        if (!verdict.Allocates)
        {
            return SetCondition(pod, PendingCondition, verdict.PendingReason!, verdict.Message, now);
        }

        Allocate(pairs);
        RemoveCondition(pod, PendingCondition);
        SetCondition(pod, InProgressCondition, "", "", now);
        return true;
    }

    /// <summary>Whether the pod runs with its desired resources, all allocated, and no resize condition is left.</summary>
    public static bool Settled(JsonObject pod)
    {
        var pairs = Pairs(pod);
        return pairs.All(p => JsonNode.DeepEquals(Resources(p.Spec), p.Status["resources"]) && JsonNode.DeepEquals(Requests(p.Spec), p.Status["allocatedResources"]))
            && !HasCondition(pod, PendingCondition) && !HasCondition(pod, InProgressCondition);
    }

    /// <summary>The memory the kubelet counts as allocated to a pod: its containers' allocatedResources, else their requests.</summary>
    public static Memory Allocated(JsonObject pod) => Pairs(pod).Aggregate(Memory.Zero, (sum, p) =>
        sum + (Memory.TryParse((p.Status["allocatedResources"] ?? Requests(p.Spec))?["memory"]?.ToString(), out var m) ? m : Memory.Zero));

    public static bool IsDeferred(JsonObject pod) => Conditions(pod).Any(c => c["type"]?.ToString() == PendingCondition && c["reason"]?.ToString() == ResizeVerdict.Deferred);

    public static bool HasCondition(JsonObject pod, string type) => Conditions(pod).Any(c => c["type"]?.ToString() == type);

    private static Memory Desired(JsonObject pod) => Pairs(pod).Aggregate(Memory.Zero, (sum, p) =>
        sum + (Memory.TryParse(Requests(p.Spec)?["memory"]?.ToString(), out var m) ? m : Memory.Zero));

    private static void Allocate(List<(JsonObject Spec, JsonObject Status)> pairs)
    {
        foreach (var (spec, status) in pairs)
        {
            status["allocatedResources"] = Requests(spec);
        }
    }

    private static JsonNode Resources(JsonObject container) => container["resources"]?.DeepClone() ?? new JsonObject();

    private static JsonNode? Requests(JsonObject container) => container["resources"]?["requests"]?.DeepClone();

    private static List<(JsonObject Spec, JsonObject Status)> Pairs(JsonObject pod)
    {
        var statuses = (pod["status"]?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return [.. (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => (Spec: c, Status: statuses.FirstOrDefault(s => s["name"]?.ToString() == c["name"]?.ToString())))
            .Where(p => p.Status is not null)
            .Select(p => (p.Spec, p.Status!))];
    }

    private static IEnumerable<JsonObject> Conditions(JsonObject pod) => (pod["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>();

    private static bool SetCondition(JsonObject pod, string type, string reason, string message, DateTimeOffset now)
    {
        var existing = Conditions(pod).FirstOrDefault(c => c["type"]?.ToString() == type);
        if (existing is not null && (existing["reason"]?.ToString() ?? "") == reason && (existing["message"]?.ToString() ?? "") == message)
        {
            return false;
        }

        var condition = new JsonObject { ["type"] = type, ["status"] = "True", ["lastProbeTime"] = null, ["lastTransitionTime"] = ObjectMeta.Timestamp(now) };
        if (reason.Length > 0)
        {
            condition["reason"] = reason;
        }

        if (message.Length > 0)
        {
            condition["message"] = message;
        }

        RemoveCondition(pod, type);
        if (pod["status"]?["conditions"] is not JsonArray conditions)
        {
            conditions = [];
            pod["status"]!["conditions"] = conditions;
        }

        conditions.Add(condition);
        return true;
    }

    private static bool RemoveCondition(JsonObject pod, string type)
    {
        if (pod["status"]?["conditions"] is not JsonArray conditions)
        {
            return false;
        }

        var found = conditions.OfType<JsonObject>().Where(c => c["type"]?.ToString() == type).ToList();
        foreach (var condition in found)
        {
            conditions.Remove(condition);
        }

        return found.Count > 0;
    }
}
