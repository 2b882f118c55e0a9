using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>
/// What apiextensions' controllers do once a CRD is stored: the names are accepted and the CRD Established at once
/// (there are no conflicting CRDs to wait for), and every served version becomes a resource in discovery.
/// </summary>
public static class CustomResourceDefinitions
{
    public static IReadOnlyList<ResourceType> ResourcesOf(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = spec["group"]?.ToString() ?? "";
        var plural = names["plural"]?.ToString() ?? "";
        var kind = names["kind"]?.ToString() ?? "";
        var singular = names["singular"]?.ToString() is { Length: > 0 } s ? s : kind.ToLowerInvariant();
        var namespaced = spec["scope"]?.ToString() != "Cluster";
        var versions = spec["versions"] as JsonArray ?? [];
        return [.. versions.OfType<JsonObject>()
            .Where(v => v["served"]?.GetValue<bool>() ?? true)
            .Select(v => new ResourceType(
                group,
                v["name"]?.ToString() ?? "",
                plural,
                singular,
                kind,
                namespaced,
                Strings(names["shortNames"]),
                Strings(names["categories"]),
                v["subresources"]?["status"] is not null ? ["status"] : [],
                HasGeneration: true,
                CustomVersion: (JsonObject)v.DeepClone()))];
    }

    public static (string Group, string Plural) Key(JsonObject crd) =>
        (crd["spec"]?["group"]?.ToString() ?? "", crd["spec"]?["names"]?["plural"]?.ToString() ?? "");

    /// <summary>The status the real controllers converge to: names accepted, Established, the storage version stored.</summary>
    public static void SetAcceptedStatus(JsonObject crd, DateTimeOffset now)
    {
        var names = crd["spec"]?["names"]?.DeepClone() as JsonObject ?? [];
        names["singular"] ??= names["kind"]?.ToString().ToLowerInvariant();
        names["listKind"] ??= names["kind"] + "List";
        var storage = (crd["spec"]?["versions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true)?["name"]?.ToString();
        var time = ObjectMeta.Timestamp(now);
        crd["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", time),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", time)),
            ["acceptedNames"] = names,
            ["storedVersions"] = storage is null ? new JsonArray() : new JsonArray(storage),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string time) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = time,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n?.ToString() ?? "")] : [];
}
