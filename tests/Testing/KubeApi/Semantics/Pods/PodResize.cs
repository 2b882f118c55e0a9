using System.Text.Json;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Admission;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Pods;

/// <summary>
/// The <c>pods/resize</c> subresource (kubernetes <c>podResizeStrategy</c> and <c>ValidatePodResize</c>): of the new pod
/// only the containers' (and sidecar init containers') <c>resources</c> and <c>resizePolicy</c> are taken, the
/// rest stays the old pod's; the resize is then refused if it changes the stored QoS class, removes a request or a
/// limit, sets a request above its limit, or, on servers before 1.34, lowers a memory limit while the container's
/// memory resizePolicy is not RestartContainer.
/// </summary>
public static class PodResize
{
    /// <summary>The first minor version that lets a memory limit go down in place (the KEP's 1.34 post-beta change).</summary>
    public const int MemoryLimitDecreaseAllowedFromMinor = 34;

    private static readonly GroupKind PodKind = new("", "Pod");

    /// <summary>The old pod with only the resize fields of <paramref name="updated"/> (<c>dropNonResizeUpdates</c>).</summary>
    public static JsonObject DropNonResizeUpdates(JsonObject old, JsonObject updated)
    {
        var result = (JsonObject)old.DeepClone();
        foreach (var list in new[] { "containers", "initContainers" })
        {
            if (result["spec"]?[list] is not JsonArray oldContainers || updated["spec"]?[list] is not JsonArray newContainers)
            {
                continue;
            }

            for (var i = 0; i < oldContainers.Count && i < newContainers.Count; i++)
            {
                if (oldContainers[i] is not JsonObject target || newContainers[i] is not JsonObject source
                    || (list == "initContainers" && target["restartPolicy"]?.GetValue<string>() != "Always"))
                {
                    continue;
                }

                foreach (var field in new[] { "resources", "resizePolicy" })
                {
                    target.Remove(field);
                    if (source[field] is { } value)
                    {
                        target[field] = value.DeepClone();
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The field errors of resizing <paramref name="old"/> into <paramref name="resized"/> (already through <see cref="DropNonResizeUpdates"/>).</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject old, JsonObject resized, int serverMinor)
    {
        var errors = new List<FieldError>();
        var oldContainers = PodResources.Containers(old).ToList();
        var newContainers = PodResources.Containers(resized).ToList();
        for (var i = 0; i < oldContainers.Count && i < newContainers.Count; i++)
        {
            var path = $"spec.containers[{i}].resources";
            var oldRequests = PodResources.List(oldContainers[i], "requests");
            var newRequests = PodResources.List(newContainers[i], "requests");
            var oldLimits = PodResources.List(oldContainers[i], "limits");
            var newLimits = PodResources.List(newContainers[i], "limits");
            foreach (var (name, request) in newRequests)
            {
                if (newLimits.TryGetValue(name, out var limit) && request > limit)
                {
                    errors.Add(FieldError.Invalid(path + ".requests", request.ToString(), $"must be less than or equal to {name} limit of {limit}"));
                }
            }

            if (oldRequests.Keys.Any(k => !newRequests.ContainsKey(k)))
            {
                errors.Add(FieldError.Forbidden(path + ".requests", "resource requests cannot be removed"));
            }

            if (oldLimits.Keys.Any(k => !newLimits.ContainsKey(k)))
            {
                errors.Add(FieldError.Forbidden(path + ".limits", "resource limits cannot be removed"));
            }

            if (serverMinor < MemoryLimitDecreaseAllowedFromMinor
                && oldLimits.TryGetValue("memory", out var oldMemory) && newLimits.TryGetValue("memory", out var newMemory)
                && newMemory < oldMemory && MemoryRestartPolicy(newContainers[i]) != "RestartContainer")
            {
                errors.Add(FieldError.Forbidden(path + ".limits[memory]", "memory limits cannot be decreased unless resizePolicy is RestartContainer"));
            }
        }

        var storedQos = old["status"]?["qosClass"]?.GetValue<string>() ?? PodQos.Of(old);
        if (storedQos != PodQos.Of(resized))
        {
            errors.Add(FieldError.Invalid("spec", storedQos, "Pod QOS Class may not change as a result of resizing"));
        }

        return errors;
    }

    /// <summary>Drops the non-resize fields and validates; throws the 422 <c>The Pod "p" is invalid: …</c> when refused.</summary>
    public static JsonObject Resize(JsonObject old, JsonObject updated, int serverMinor)
    {
        var resized = DropNonResizeUpdates(old, updated);
        var errors = Validate(old, resized, serverMinor);
        if (errors.Count > 0)
        {
            throw new ApiStatusException(StatusErrors.Invalid(PodKind, old["metadata"]?["name"]?.GetValue<string>() ?? "", errors));
        }

        return resized;
    }

    private static string MemoryRestartPolicy(JsonObject container) =>
        (container["resizePolicy"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(p => p["resourceName"]?.GetValueKind() == JsonValueKind.String && p["resourceName"]!.GetValue<string>() == "memory")?["restartPolicy"]?.GetValue<string>() ?? "NotRequired";
}
