using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>
/// One admission request as the webhooks see it: operation, what is being acted on (group/version/kind and
/// resource/subresource), where (namespace, and the name, empty for a generateName create), by whom, the objects
/// and the options (<c>CreateOptions</c>, <c>UpdateOptions</c> …).
/// </summary>
public sealed record AdmissionAttributes(
    string Operation,
    string Group,
    string Version,
    string Kind,
    string Resource,
    string Subresource,
    string Namespace,
    string Name,
    JsonObject? Object,
    JsonObject? OldObject,
    bool DryRun,
    AdmissionUser User,
    JsonObject Options)
{
    public const string Create = "CREATE";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";
    public const string Connect = "CONNECT";

    /// <summary>The attributes of creating <paramref name="obj"/> (name and namespace read from it), with <c>CreateOptions</c>.</summary>
    public static AdmissionAttributes ForCreate(string group, string version, string kind, string resource, JsonObject obj, AdmissionUser user, bool dryRun = false, string fieldManager = "")
    {
        var options = new JsonObject { ["kind"] = "CreateOptions", ["apiVersion"] = "meta.k8s.io/v1" };
        if (dryRun)
        {
            options["dryRun"] = new JsonArray("All");
        }

        if (fieldManager.Length > 0)
        {
            options["fieldManager"] = fieldManager;
        }

        return new AdmissionAttributes(
            Create, group, version, kind, resource, "",
            obj["metadata"]?["namespace"]?.GetValue<string>() ?? "",
            obj["metadata"]?["name"]?.GetValue<string>() ?? "",
            obj, null, dryRun, user, options);
    }
}
