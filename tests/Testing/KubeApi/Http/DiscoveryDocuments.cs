using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>
/// Discovery as kube-apiserver 1.33 answers it: aggregated APIGroupDiscoveryList v2 for /api and /apis when asked,
/// else the legacy APIVersions / APIGroupList, and the per-group/version APIResourceList (which kubectl drain reads
/// for pods/eviction even when aggregated discovery is used).
/// </summary>
public static class DiscoveryDocuments
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject Aggregated(ResourceCatalog catalog, bool core)
    {
        var types = catalog.Snapshot();
        var items = new JsonArray();
        if (core)
        {
            items.Add(new JsonObject
            {
                ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
                ["versions"] = new JsonArray(AggregatedVersion("v1", [.. types.Where(t => t.Group.Length == 0)])),
            });
        }
        else
        {
            foreach (var (group, versions) in catalog.Groups())
            {
                items.Add(new JsonObject
                {
                    ["metadata"] = new JsonObject { ["name"] = group, ["creationTimestamp"] = null },
                    ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)AggregatedVersion(v, [.. types.Where(t => t.Group == group && t.Version == v)]))]),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    public static JsonObject LegacyVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject LegacyGroups(ResourceCatalog catalog) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. catalog.Groups().Select(g => (JsonNode)Group(g.Group, g.Versions))]),
    };

    public static JsonObject? LegacyGroup(ResourceCatalog catalog, string group) =>
        catalog.Groups().Where(g => g.Group == group).Select(g => Group(g.Group, g.Versions)).FirstOrDefault();

    /// <summary>The APIResourceList of one group/version, or null when nothing is served there.</summary>
    public static JsonObject? ResourceList(ResourceCatalog catalog, string group, string version)
    {
        var types = catalog.Snapshot().Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var type in types)
        {
            var entry = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray([.. AllVerbs.Select(v => (JsonNode)v)]),
            };
            if (type.ShortNames.Count > 0)
            {
                entry["shortNames"] = new JsonArray([.. type.ShortNames.Select(s => (JsonNode)s)]);
            }

            if (type.Categories.Count > 0)
            {
                entry["categories"] = new JsonArray([.. type.Categories.Select(c => (JsonNode)c)]);
            }

            resources.Add(entry);
            foreach (var subresource in type.Subresources)
            {
                var (subGroup, subVersion, subKind, verbs) = Subresource(type, subresource);
                var sub = new JsonObject
                {
                    ["name"] = $"{type.Plural}/{subresource}",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                };
                if (subGroup != type.Group || subVersion != type.Version)
                {
                    sub["group"] = subGroup;
                    sub["version"] = subVersion;
                }

                sub["kind"] = subKind;
                sub["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]);
                resources.Add(sub);
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].GroupVersion,
            ["resources"] = resources,
        };
    }

    private static JsonObject AggregatedVersion(string version, IReadOnlyList<ResourceType> types) => new()
    {
        ["version"] = version,
        ["resources"] = new JsonArray([.. types.Select(t => (JsonNode)AggregatedResource(t))]),
        ["freshness"] = "Current",
    };

    private static JsonObject AggregatedResource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["resource"] = type.Plural,
            ["responseKind"] = Kind(type.Group, type.Version, type.Kind),
            ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = type.Singular,
            ["verbs"] = new JsonArray([.. AllVerbs.Select(v => (JsonNode)v)]),
        };
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = new JsonArray([.. type.ShortNames.Select(s => (JsonNode)s)]);
        }

        if (type.Categories.Count > 0)
        {
            resource["categories"] = new JsonArray([.. type.Categories.Select(c => (JsonNode)c)]);
        }

        if (type.Subresources.Count > 0)
        {
            resource["subresources"] = new JsonArray([.. type.Subresources.Select(s =>
            {
                var (group, version, kind, verbs) = Subresource(type, s);
                return (JsonNode)new JsonObject
                {
                    ["subresource"] = s,
                    ["responseKind"] = Kind(group, version, kind),
                    ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
                };
            })]);
        }

        return resource;
    }

    private static (string Group, string Version, string Kind, string[] Verbs) Subresource(ResourceType type, string subresource) => subresource switch
    {
        "eviction" => ("policy", "v1", "Eviction", ["create"]),
        "binding" => ("", "v1", "Binding", ["create"]),
        "resize" => (type.Group, type.Version, type.Kind, ["get", "patch", "update"]),
        _ => (type.Group, type.Version, type.Kind, ["get", "patch", "update"]),
    };

    private static JsonObject Kind(string group, string version, string kind) => new() { ["group"] = group, ["version"] = version, ["kind"] = kind };

    private static JsonObject Group(string group, IReadOnlyList<string> versions)
    {
        JsonNode Version(string v) => new JsonObject { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(Version)]),
            ["preferredVersion"] = Version(versions[0]),
        };
    }
}
