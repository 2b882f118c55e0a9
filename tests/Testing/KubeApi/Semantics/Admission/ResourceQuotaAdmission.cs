using System.Text.Json;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Admission;

/// <summary>
/// The ResourceQuota admission plugin for pod creation (apiserver <c>admission/plugin/resourcequota</c> with the pod
/// evaluator): the pod's usage (<c>pods</c>, <c>requests.memory</c> alias <c>memory</c>, <c>limits.memory</c>, and the
/// cpu ones) is added to each quota's <c>status.used</c>; a quota that tracks a request or limit the pod leaves
/// unset refuses it (<c>failed quota: q: must specify limits.memory for: app</c>), one that would go over its hard
/// limit refuses it with <c>exceeded quota: q, requested: …, used: …, limited: …</c>, both as 403 Forbidden.
/// </summary>
public static class ResourceQuotaAdmission
{
    private static readonly GroupResource Pods = new("", "pods");

    /// <summary>Checks a pod create against the namespace's quotas and returns them with their new usage.</summary>
    public static QuotaDecision Admit(JsonObject pod, string podName, IEnumerable<JsonObject> quotas)
    {
        var usage = Usage(pod);
        var updated = new List<JsonObject>();
        foreach (var quota in quotas)
        {
            var name = quota["metadata"]?["name"]?.GetValue<string>() ?? "";
            var hard = Read(quota["status"]?["hard"] as JsonObject ?? quota["spec"]?["hard"] as JsonObject);
            var used = Read(quota["status"]?["used"] as JsonObject);
            var missing = MissingConstraints(pod, hard.Keys);
            if (missing.Count > 0)
            {
                throw new ApiStatusException(StatusErrors.Forbidden(Pods, podName, $"failed quota: {name}: must specify {string.Join("; ", missing)}"));
            }

            var requested = usage.Where(u => hard.ContainsKey(u.Key)).ToDictionary(u => u.Key, u => u.Value, StringComparer.Ordinal);
            var exceeded = requested.Keys.Where(k => used.GetValueOrDefault(k, Quantity.Zero) + requested[k] > hard[k]).Order(StringComparer.Ordinal).ToList();
            if (exceeded.Count > 0)
            {
                throw new ApiStatusException(StatusErrors.Forbidden(Pods, podName,
                    $"exceeded quota: {name}, requested: {Print(exceeded, requested)}, used: {Print(exceeded, used)}, limited: {Print(exceeded, hard)}"));
            }

            var copy = (JsonObject)quota.DeepClone();
            var status = copy["status"] as JsonObject ?? [];
            copy["status"] = status;
            status["hard"] ??= (quota["spec"]?["hard"] as JsonObject)?.DeepClone();
            var newUsed = status["used"] as JsonObject ?? [];
            status["used"] = newUsed;
            foreach (var key in hard.Keys)
            {
                var total = used.GetValueOrDefault(key, Quantity.Zero) + requested.GetValueOrDefault(key, Quantity.Zero);
                newUsed[key] = total.ToString();
            }

            updated.Add(copy);
        }

        return new QuotaDecision(updated);
    }

    /// <summary>What a pod counts against quota. Terminal pods (Succeeded, Failed) count nothing.</summary>
    public static SortedDictionary<string, Quantity> Usage(JsonObject pod)
    {
        var usage = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
        if (pod["status"]?["phase"]?.GetValue<string>() is "Succeeded" or "Failed")
        {
            return usage;
        }

        usage["pods"] = new Quantity(1, QuantityFormat.DecimalSI);
        usage["count/pods"] = new Quantity(1, QuantityFormat.DecimalSI);
        var requests = PodResources.Pod(pod, "requests", omitPartial: false);
        var limits = PodResources.Pod(pod, "limits", omitPartial: false);
        foreach (var resource in new[] { "memory", "cpu" })
        {
            if (requests.TryGetValue(resource, out var request))
            {
                usage["requests." + resource] = request;
                usage[resource] = request;
            }

            if (limits.TryGetValue(resource, out var limit))
            {
                usage["limits." + resource] = limit;
            }
        }

        return usage;
    }

    /// <summary>The pod evaluator's constraint: a tracked request or limit must be set on every container.</summary>
    private static List<string> MissingConstraints(JsonObject pod, IEnumerable<string> tracked)
    {
        var missing = new List<string>();
        foreach (var key in tracked.Order(StringComparer.Ordinal))
        {
            var (kind, resource) = key switch
            {
                "requests.memory" or "memory" => ("requests", "memory"),
                "requests.cpu" or "cpu" => ("requests", "cpu"),
                "limits.memory" => ("limits", "memory"),
                "limits.cpu" => ("limits", "cpu"),
                _ => ("", ""),
            };
            if (kind.Length == 0)
            {
                continue;
            }

            var containers = PodResources.Containers(pod).Concat(PodResources.InitContainers(pod))
                .Where(c => !PodResources.List(c, kind).ContainsKey(resource))
                .Select(c => c["name"]?.GetValue<string>() ?? "")
                .ToList();
            if (containers.Count > 0)
            {
                missing.Add($"{key} for: {string.Join(",", containers)}");
            }
        }

        return missing;
    }

    private static SortedDictionary<string, Quantity> Read(JsonObject? list)
    {
        var result = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var (name, value) in list ?? [])
        {
            if (value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
            {
                result[name] = Quantity.Parse(v.ToString());
            }
        }

        return result;
    }

    /// <summary>The plugin's <c>prettyPrint</c>: <c>name=quantity</c> pairs, sorted, joined by commas.</summary>
    private static string Print(IEnumerable<string> keys, IReadOnlyDictionary<string, Quantity> values) =>
        string.Join(",", keys.Select(k => k + "=" + values.GetValueOrDefault(k, Quantity.Zero)));
}
