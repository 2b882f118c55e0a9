using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Admission;

/// <summary>
/// The LimitRanger admission plugin for pods (kubernetes <c>plugin/pkg/admission/limitranger</c>). <see cref="Admit"/>
/// runs in the mutating phase, before the webhooks: every container and init container missing a request or limit
/// gets the Container-type default (after the LimitRange's own defaulting: max → default, default → defaultRequest,
/// min → defaultRequest) and the pod is annotated <c>kubernetes.io/limit-ranger</c>. <see cref="Validate"/> runs in
/// the validating phase, after the webhooks, checking min, max and maxLimitRequestRatio per container and per pod;
/// a violation is 403 <c>pods "p" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi</c>.
/// </summary>
public static class LimitRanger
{
    public const string Annotation = "kubernetes.io/limit-ranger";

    private static readonly GroupResource Pods = new("", "pods");

    /// <summary>A copy of <paramref name="pod"/> with the defaults of every LimitRange in its namespace applied.</summary>
    public static JsonObject Admit(JsonObject pod, IEnumerable<JsonObject> limitRanges)
    {
        var result = (JsonObject)pod.DeepClone();
        foreach (var limitRange in limitRanges)
        {
            var (defaultRequests, defaultLimits) = ContainerDefaults(limitRange);
            var notes = new List<string>();
            foreach (var container in PodResources.Containers(result))
            {
                Merge(container, defaultRequests, defaultLimits, "container", notes);
            }

            foreach (var container in PodResources.InitContainers(result))
            {
                Merge(container, defaultRequests, defaultLimits, "init container", notes);
            }

            if (notes.Count > 0)
            {
                var metadata = result["metadata"] as JsonObject ?? [];
                result["metadata"] = metadata;
                var annotations = metadata["annotations"] as JsonObject ?? [];
                metadata["annotations"] = annotations;
                annotations[Annotation] = "LimitRanger plugin set: " + string.Join("; ", notes);
            }
        }

        return result;
    }

    /// <summary>Throws the 403 of the first LimitRange the pod violates; <paramref name="podName"/> is the (generated) name.</summary>
    public static void Validate(JsonObject pod, string podName, IEnumerable<JsonObject> limitRanges)
    {
        foreach (var limitRange in limitRanges)
        {
            var errors = Violations(pod, limitRange);
            if (errors.Count > 0)
            {
                var reason = errors.Count == 1 ? errors[0] : "[" + string.Join(", ", errors) + "]";
                throw new ApiStatusException(StatusErrors.Forbidden(Pods, podName, reason));
            }
        }
    }

    /// <summary>Every constraint of one LimitRange the pod breaks, in the plugin's order.</summary>
    public static IReadOnlyList<string> Violations(JsonObject pod, JsonObject limitRange)
    {
        var errors = new List<string>();
        foreach (var item in Items(limitRange))
        {
            var type = item["type"]?.GetValue<string>() ?? "";
            if (type == "Container")
            {
                foreach (var container in PodResources.Containers(pod).Concat(PodResources.InitContainers(pod)))
                {
                    Check(item, type, PodResources.List(container, "requests"), PodResources.List(container, "limits"), errors);
                }
            }
            else if (type == "Pod")
            {
                Check(item, type, PodResources.Pod(pod, "requests"), PodResources.Pod(pod, "limits"), errors);
            }
        }

        return errors;
    }

    private static void Check(JsonObject item, string type, SortedDictionary<string, Quantity> requests, SortedDictionary<string, Quantity> limits, List<string> errors)
    {
        foreach (var (name, min) in Read(item, "min"))
        {
            var hasRequest = requests.TryGetValue(name, out var request);
            var hasLimit = limits.TryGetValue(name, out var limit);
            if (!hasRequest)
            {
                errors.Add($"minimum {name} usage per {type} is {min}.  No request is specified");
            }
            else if (request < min)
            {
                errors.Add($"minimum {name} usage per {type} is {min}, but request is {request}");
            }
            else if (hasLimit && limit < min)
            {
                errors.Add($"minimum {name} usage per {type} is {min}, but limit is {limit}");
            }
        }

        foreach (var (name, max) in Read(item, "max"))
        {
            var hasRequest = requests.TryGetValue(name, out var request);
            if (!limits.TryGetValue(name, out var limit))
            {
                errors.Add($"maximum {name} usage per {type} is {max}.  No limit is specified");
            }
            else if (limit > max)
            {
                errors.Add($"maximum {name} usage per {type} is {max}, but limit is {limit}");
            }
            else if (hasRequest && request > max)
            {
                errors.Add($"maximum {name} usage per {type} is {max}, but request is {request}");
            }
        }

        foreach (var (name, ratio) in Read(item, "maxLimitRequestRatio"))
        {
            if (!requests.TryGetValue(name, out var request) || request.Value == 0)
            {
                errors.Add($"{name} max limit to request ratio per {type} is {ratio}, but no request is specified or request is 0");
            }
            else if (!limits.TryGetValue(name, out var limit) || limit.Value == 0)
            {
                errors.Add($"{name} max limit to request ratio per {type} is {ratio}, but no limit is specified or limit is 0");
            }
            else if (limit.Value / request.Value > ratio.Value)
            {
                var observed = (double)(limit.Value / request.Value);
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name} max limit to request ratio per {type} is {ratio}, but provided ratio is {observed:F6}"));
            }
        }
    }

    private static void Merge(JsonObject container, SortedDictionary<string, Quantity> requests, SortedDictionary<string, Quantity> limits, string what, List<string> notes)
    {
        var resources = container["resources"] as JsonObject ?? [];
        container["resources"] = resources;
        var setLimits = SetMissing(resources, "limits", limits);
        var setRequests = SetMissing(resources, "requests", requests);
        var name = container["name"]?.GetValue<string>() ?? "";
        if (setRequests.Count > 0)
        {
            notes.Add($"{string.Join(", ", setRequests)} request for {what} {name}");
        }

        if (setLimits.Count > 0)
        {
            notes.Add($"{string.Join(", ", setLimits)} limit for {what} {name}");
        }
    }

    private static List<string> SetMissing(JsonObject resources, string kind, SortedDictionary<string, Quantity> defaults)
    {
        var set = new List<string>();
        if (defaults.Count == 0)
        {
            return set;
        }

        var list = resources[kind] as JsonObject ?? [];
        resources[kind] = list;
        foreach (var (name, value) in defaults)
        {
            if (!list.ContainsKey(name))
            {
                list[name] = value.ToString();
                set.Add(name);
            }
        }

        return set;
    }

    /// <summary>The Container-type defaults after the LimitRange API's own defaulting (<c>SetDefaults_LimitRangeItem</c>).</summary>
    private static (SortedDictionary<string, Quantity> Requests, SortedDictionary<string, Quantity> Limits) ContainerDefaults(JsonObject limitRange)
    {
        var requests = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
        var limits = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var item in Items(limitRange).Where(i => i["type"]?.GetValue<string>() == "Container"))
        {
            var defaults = Read(item, "default");
            foreach (var (name, max) in Read(item, "max"))
            {
                defaults.TryAdd(name, max);
            }

            var defaultRequests = Read(item, "defaultRequest");
            foreach (var (name, value) in defaults)
            {
                defaultRequests.TryAdd(name, value);
            }

            foreach (var (name, min) in Read(item, "min"))
            {
                defaultRequests.TryAdd(name, min);
            }

            foreach (var (name, value) in defaults)
            {
                limits[name] = value;
            }

            foreach (var (name, value) in defaultRequests)
            {
                requests[name] = value;
            }
        }

        return (requests, limits);
    }

    private static IEnumerable<JsonObject> Items(JsonObject limitRange) => (limitRange["spec"]?["limits"] as JsonArray ?? []).OfType<JsonObject>();

    private static SortedDictionary<string, Quantity> Read(JsonObject item, string field)
    {
        var result = new SortedDictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var (name, value) in item[field] as JsonObject ?? [])
        {
            if (value is not null)
            {
                result[name] = Quantity.Parse(value.ToString());
            }
        }

        return result;
    }
}
