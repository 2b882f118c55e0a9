using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Selectors;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The disruption controller's status for each PodDisruptionBudget (kubernetes <c>pkg/controller/disruption</c>):
/// the pods of its namespace its selector matches; currentHealthy counts the Ready ones not being deleted and not in
/// <c>disruptedPods</c>; an integer minAvailable expects every matched pod and desires that many, while maxUnavailable
/// and a percentage minAvailable expect the replicas of the pods' controllers (Deployment through its ReplicaSet,
/// ReplicaSet, StatefulSet; percentages rounded up). disruptionsAllowed is currentHealthy - desiredHealthy, never
/// below 0; a pod without a scalable controller fails safe (0 allowed, reason SyncFailed).
/// </summary>
internal sealed class DisruptionBudgetController(ApiServerState state) : ISimulatedController
{
    private static readonly ResourceType Budgets = ControllerObjects.Find("policy", "poddisruptionbudgets");
    private static readonly ResourceType ReplicaSets = ControllerObjects.Find("apps", "replicasets");
    private static readonly ResourceType Deployments = ControllerObjects.Find("apps", "deployments");
    private static readonly ResourceType StatefulSets = ControllerObjects.Find("apps", "statefulsets");

    public IReadOnlyList<ResourceType> Watches { get; } = [Budgets, ControllerObjects.Pods, ReplicaSets, Deployments, StatefulSets];

    public Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var pods = state.Store.List(ControllerObjects.Pods, null).Items;
        foreach (var budget in state.Store.List(Budgets, null).Items)
        {
            var ns = ObjectMeta.Namespace(budget);
            var selector = LabelSelector.FromObject(budget["spec"]?["selector"]);
            var matched = pods.Where(p => ObjectMeta.Namespace(p) == ns && !selector.IsEmpty && selector.Matches(p)).ToList();
            var disrupted = LiveDisruptions(budget, matched);
            var healthy = matched.Count(p => ControllerObjects.IsReady(p) && !ObjectMeta.IsDeleting(p) && disrupted?.ContainsKey(ObjectMeta.Name(p)) != true);
            var expectation = Expect(budget["spec"] as JsonObject ?? [], matched);
            var now = ObjectMeta.Timestamp(state.Time.GetUtcNow());
            var status = new JsonObject { ["observedGeneration"] = ObjectMeta.Generation(budget) };
            if (disrupted is { Count: > 0 })
            {
                status["disruptedPods"] = disrupted;
            }

            if (expectation is { } expected)
            {
                var allowed = Math.Max(healthy - expected.Desired, 0);
                status["disruptionsAllowed"] = allowed;
                status["currentHealthy"] = healthy;
                status["desiredHealthy"] = expected.Desired;
                status["expectedPods"] = expected.Pods;
                status["conditions"] = Condition(budget, allowed > 0 ? "True" : "False", allowed > 0 ? "SufficientPods" : "InsufficientPods", "", now);
            }
            else
            {
                status["disruptionsAllowed"] = 0;
                status["currentHealthy"] = healthy;
                status["desiredHealthy"] = 0;
                status["expectedPods"] = 0;
                status["conditions"] = Condition(budget, "False", "SyncFailed", "found no controllers for the pods", now);
            }

            ControllerObjects.SetStatus(state.Store, Budgets, budget, status);
        }

        return Task.CompletedTask;
    }

    /// <summary>disruptedPods entries whose pod still exists and is not yet being deleted (what buildDisruptedPodMap keeps).</summary>
    private static JsonObject? LiveDisruptions(JsonObject budget, IReadOnlyList<JsonObject> matched)
    {
        if (budget["status"]?["disruptedPods"] is not JsonObject disrupted)
        {
            return null;
        }

        var live = new JsonObject();
        foreach (var (name, time) in disrupted)
        {
            if (matched.Any(p => ObjectMeta.Name(p) == name && !ObjectMeta.IsDeleting(p)))
            {
                live[name] = time?.DeepClone();
            }
        }

        return live;
    }

    private (int Pods, int Desired)? Expect(JsonObject spec, IReadOnlyList<JsonObject> matched)
    {
        if (spec["minAvailable"] is { } min && min.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            return (matched.Count, min.GetValue<int>());
        }

        if (ControllerScale(matched) is not { } scale)
        {
            return null;
        }

        if (spec["maxUnavailable"] is { } max)
        {
            return (scale, Math.Max(scale - Scaled(max, scale), 0));
        }

        return (scale, spec["minAvailable"] is { } percent ? Scaled(percent, scale) : scale);
    }

    /// <summary>The sum of the replicas of the matched pods' controllers, or null when a pod has none that scales.</summary>
    private int? ControllerScale(IReadOnlyList<JsonObject> matched)
    {
        var scales = new Dictionary<string, int>();
        foreach (var pod in matched)
        {
            var owner = ControllerObjects.ControllerOf(pod);
            var ns = ObjectMeta.Namespace(pod);
            var (uid, replicas) = (owner?["kind"]?.ToString(), owner?["name"]?.ToString() ?? "") switch
            {
                ("ReplicaSet", var name) => ReplicaSetScale(ns, name),
                ("StatefulSet", var name) => Scale(state.Store.Get(StatefulSets, ns, name)),
                _ => (null, 0),
            };
            if (uid is null)
            {
                return null;
            }

            scales[uid] = replicas;
        }

        return scales.Values.Sum();
    }

    private (string? Uid, int Replicas) ReplicaSetScale(string ns, string name)
    {
        var rs = state.Store.Get(ReplicaSets, ns, name);
        if (rs is not null && ControllerObjects.ControllerOf(rs) is { } owner && owner["kind"]?.ToString() == "Deployment")
        {
            return Scale(state.Store.Get(Deployments, ns, owner["name"]?.ToString() ?? ""));
        }

        return Scale(rs);
    }

    private static (string? Uid, int Replicas) Scale(JsonObject? controller) =>
        controller is null ? (null, 0) : (ObjectMeta.Uid(controller), controller["spec"]?["replicas"]?.GetValue<int>() ?? 1);

    /// <summary>intstr.GetScaledValueFromIntOrPercent with rounding up.</summary>
    private static int Scaled(JsonNode value, int total)
    {
        if (value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            return value.GetValue<int>();
        }

        var percent = int.Parse(value.ToString().TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture);
        return (int)Math.Ceiling(percent * total / 100.0);
    }

    private static JsonArray Condition(JsonObject budget, string status, string reason, string message, string now)
    {
        var previous = (budget["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == "DisruptionAllowed");
        var unchanged = previous?["status"]?.ToString() == status && previous["reason"]?.ToString() == reason;
        return new JsonArray(new JsonObject
        {
            ["type"] = "DisruptionAllowed",
            ["status"] = status,
            ["observedGeneration"] = ObjectMeta.Generation(budget),
            ["lastTransitionTime"] = unchanged ? previous!["lastTransitionTime"]?.DeepClone() : now,
            ["reason"] = reason,
            ["message"] = message,
        });
    }
}
