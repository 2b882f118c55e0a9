using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Selectors;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Pods;

/// <summary>
/// The eviction subresource's decision (kubernetes <c>pkg/registry/core/pod/storage/eviction.go</c>): terminal,
/// pending and terminating pods go without a budget check; otherwise the PodDisruptionBudgets of the namespace whose
/// non-empty selector matches the pod are found (several: 500), an unready pod may go without spending a disruption,
/// and a budget with no disruptions left refuses with 429 TooManyRequests and a <c>DisruptionBudget</c> cause.
/// </summary>
public static class PodEviction
{
    public const string BlockedMessage = "Cannot evict pod as it would violate the pod's disruption budget.";

    /// <summary>More disrupted pods than this not yet confirmed by the budget controller refuse further evictions.</summary>
    public const int MaxDisruptedPods = 2000;

    private static readonly GroupResource Budgets = new("policy", "poddisruptionbudget");

    /// <summary>The 400 for an eviction whose body names another pod than its URL.</summary>
    public static ApiStatus? ValidateRequest(string urlName, JsonObject eviction)
    {
        var bodyName = eviction["metadata"]?["name"]?.GetValue<string>() ?? "";
        return bodyName.Length > 0 && bodyName != urlName ? StatusErrors.BadRequest("name in URL does not match name in Eviction object") : null;
    }

    public static EvictionDecision Decide(JsonObject pod, IEnumerable<JsonObject> budgets, DateTimeOffset now, bool dryRun)
    {
        var success = StatusErrors.SuccessStatus(201);
        var phase = pod["status"]?["phase"]?.GetValue<string>();
        if (phase is "Pending" or "Succeeded" or "Failed" || pod["metadata"]?["deletionTimestamp"] is not null)
        {
            return new EvictionDecision(true, success, null);
        }

        var matching = budgets.Where(b => LabelSelector.FromObject(b["spec"]?["selector"]) is { IsEmpty: false } selector && selector.Matches(pod)).ToList();
        if (matching.Count > 1)
        {
            return new EvictionDecision(false, new ApiStatus(500, StatusErrors.Failure, "", "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."), null);
        }

        if (matching.Count == 0)
        {
            return new EvictionDecision(true, success, null);
        }

        var budget = matching[0];
        var status = budget["status"] as JsonObject ?? [];
        var current = Int(status["currentHealthy"]);
        var desired = Int(status["desiredHealthy"]);
        if (!IsReady(pod))
        {
            var alwaysAllow = budget["spec"]?["unhealthyPodEvictionPolicy"]?.GetValue<string>() == "AlwaysAllow";
            if (alwaysAllow || (current >= desired && desired > 0))
            {
                return new EvictionDecision(true, success, null);
            }
        }

        var name = budget["metadata"]?["name"]?.GetValue<string>() ?? "";
        if (Int(status["observedGeneration"]) < Int(budget["metadata"]?["generation"]))
        {
            return Refused(StatusErrors.TooManyRequests(BlockedMessage, 10, [new StatusCause("DisruptionBudget", $"The disruption budget {name} is still being processed by the server.")]));
        }

        var allowed = Int(status["disruptionsAllowed"]);
        if (allowed < 0)
        {
            return Refused(StatusErrors.Forbidden(Budgets, name, "pdb disruptions allowed is negative"));
        }

        if ((status["disruptedPods"] as JsonObject)?.Count > MaxDisruptedPods)
        {
            return Refused(StatusErrors.Forbidden(Budgets, name, "DisruptedPods map too big - too many evictions not confirmed by PDB controller"));
        }

        if (allowed == 0)
        {
            return Refused(StatusErrors.TooManyRequests(BlockedMessage, 0,
                [new StatusCause("DisruptionBudget", string.Create(CultureInfo.InvariantCulture, $"The disruption budget {name} needs {desired} healthy pods and has {current} currently"))]));
        }

        if (dryRun)
        {
            return new EvictionDecision(true, success, null);
        }

        var updated = (JsonObject)budget.DeepClone();
        var updatedStatus = updated["status"] as JsonObject ?? [];
        updated["status"] = updatedStatus;
        updatedStatus["disruptionsAllowed"] = allowed - 1;
        var disrupted = updatedStatus["disruptedPods"] as JsonObject ?? [];
        updatedStatus["disruptedPods"] = disrupted;
        disrupted[pod["metadata"]?["name"]?.GetValue<string>() ?? ""] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new EvictionDecision(true, success, updated);
    }

    private static EvictionDecision Refused(ApiStatus status) => new(false, status, null);

    private static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(c => c["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True");

    private static long Int(JsonNode? node) => CustomResources.JsonTypes.ToLong(node);
}
