using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;
using RightSizer.Testing.KubeApi.Storage;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>What the simulated controllers share: controller references, pod readiness, template hashes, status writes.</summary>
internal static class ControllerObjects
{
    public static ResourceType Pods { get; } = Find("", "pods");

    public static ResourceType Nodes { get; } = Find("", "nodes");

    public static ResourceType Find(string group, string plural) => BuiltInResources.All.First(t => t.Group == group && t.Plural == plural);

    /// <summary>Whether <paramref name="obj"/>'s controller reference (the one with <c>controller: true</c>) is <paramref name="owner"/>.</summary>
    public static bool IsControlledBy(JsonObject obj, JsonObject owner) => ControllerOf(obj)?["uid"]?.ToString() == ObjectMeta.Uid(owner);

    public static JsonObject? ControllerOf(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(r => r["controller"]?.GetValue<bool>() == true);

    /// <summary>The controller reference a controller sets on what it creates (metav1.NewControllerRef).</summary>
    public static JsonArray ControllerReference(JsonObject owner) => new(new JsonObject
    {
        ["apiVersion"] = owner["apiVersion"]?.DeepClone(),
        ["kind"] = owner["kind"]?.DeepClone(),
        ["name"] = ObjectMeta.Name(owner),
        ["uid"] = ObjectMeta.Uid(owner),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    });

    /// <summary>podutil.IsPodReady: the Ready condition is True.</summary>
    public static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .Any(c => c["type"]?.ToString() == "Ready" && c["status"]?.ToString() == "True") == true;

    public static string Phase(JsonObject pod) => pod["status"]?["phase"]?.ToString() ?? "";

    /// <summary>controller.IsPodActive: neither finished nor being deleted.</summary>
    public static bool IsActive(JsonObject pod) => Phase(pod) is not ("Succeeded" or "Failed") && !ObjectMeta.IsDeleting(pod);

    public static int Int(JsonNode? node) => node?.GetValue<int>() ?? 0;

    /// <summary>The user a kube-controller-manager controller writes as (per-controller service accounts).</summary>
    public static AdmissionUser ServiceAccount(string controller) => new(
        $"system:serviceaccount:kube-system:{controller}",
        ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]);

    /// <summary>
    /// A template's hash as the controllers name revisions: FNV-32a, its decimal digits mapped through
    /// rand.SafeEncodeString (each character's code modulo the 27-letter alphabet, so only 4-9, b, c, d and f occur).
    /// </summary>
    public static string TemplateHash(JsonNode? template)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(template?.ToJsonString() ?? "{}"))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return string.Concat(hash.ToString(CultureInfo.InvariantCulture).Select(d => alphabet[d % alphabet.Length]));
    }

    /// <summary>A copy of the pod template as a Pod to create, with the controller reference set.</summary>
    public static JsonObject PodFromTemplate(JsonObject owner, JsonNode? template)
    {
        var pod = (JsonObject)(template?.DeepClone() ?? new JsonObject());
        pod["apiVersion"] = "v1";
        pod["kind"] = "Pod";
        var metadata = ObjectMeta.Of(pod);
        metadata["ownerReferences"] = ControllerReference(owner);
        if (metadata["labels"] is not JsonObject)
        {
            metadata["labels"] = new JsonObject();
        }

        return pod;
    }

    /// <summary>Writes <paramref name="status"/> when it differs from the stored one (as the status subresource would).</summary>
    public static void SetStatus(ObjectStore store, ResourceType type, JsonObject obj, JsonObject status)
    {
        if (!JsonNode.DeepEquals(obj["status"], status))
        {
            obj["status"] = status;
            store.Replace(type, obj, ObjectMeta.ResourceVersion(obj));
        }
    }
}
