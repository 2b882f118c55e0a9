using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>
/// OpenAPI v3 as far as kubectl reads it: a root naming one document per group/version, and in each document every
/// resource's patch operation with its x-kubernetes-group-version-kind and the fieldValidation query parameter
/// (cli-runtime's query_param_verifier_v3). No request bodies: kubectl then builds strategic merge patches for
/// built-in kinds from its compiled-in types and merge patches for custom resources, as it does against /openapi/v2 404.
/// </summary>
public static class OpenApiDocuments
{
    public static JsonObject Root(ResourceCatalog catalog)
    {
        var hash = catalog.Revision.ToString("X16", CultureInfo.InvariantCulture);
        var paths = new JsonObject();
        foreach (var gv in GroupVersions(catalog))
        {
            paths[gv.TrimStart('/')] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3{gv}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document of one group/version path (<c>api/v1</c>, <c>apis/apps/v1</c>), or null when none.</summary>
    public static JsonObject? GroupVersion(ResourceCatalog catalog, string groupVersionPath, string serverVersion)
    {
        var types = catalog.Snapshot().Where(t => t.GroupVersionPath == "/" + groupVersionPath.Trim('/')).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        foreach (var type in types)
        {
            var item = type.Namespaced
                ? $"{type.GroupVersionPath}/namespaces/{{namespace}}/{type.Plural}/{{name}}"
                : $"{type.GroupVersionPath}/{type.Plural}/{{name}}";
            paths[item] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = $"patch{type.Kind}",
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind },
                    ["parameters"] = new JsonArray(
                        Query("dryRun"),
                        Query("fieldManager"),
                        Query("fieldValidation"),
                        Query("force")),
                },
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = serverVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static IEnumerable<string> GroupVersions(ResourceCatalog catalog) =>
        catalog.Snapshot().Select(t => t.GroupVersionPath).Distinct();

    private static JsonObject Query(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["uniqueItems"] = true,
        ["schema"] = new JsonObject { ["type"] = name == "force" ? "boolean" : "string" },
    };
}
