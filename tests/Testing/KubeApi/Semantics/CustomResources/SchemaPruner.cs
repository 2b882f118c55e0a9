using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.CustomResources;

/// <summary>
/// Drops the fields a structural schema does not specify, as apiextensions' pruning does
/// (<c>pkg/apiserver/schema/pruning</c>): <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> stay at the resource root
/// and in embedded resources; <c>x-kubernetes-preserve-unknown-fields</c> keeps unknown fields but still prunes inside
/// known ones; <c>additionalProperties</c> schemas apply to every other key. Returns the dropped paths sorted
/// (<c>spec.foo</c>, <c>spec.containers[0].bar</c>), which a <c>fieldValidation=Strict</c> request reports.
/// </summary>
public static class SchemaPruner
{
    private static readonly HashSet<string> MetaFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    public static IReadOnlyList<string> Prune(JsonObject resource, JsonObject schema) => Prune(resource, schema, isResourceRoot: true);

    /// <summary>Prunes any value; at a resource root (or an embedded resource) apiVersion, kind and metadata are kept.</summary>
    public static IReadOnlyList<string> Prune(JsonNode? value, JsonObject schema, bool isResourceRoot)
    {
        var unknown = new List<string>();
        PruneNode(value, schema, isResourceRoot || IsTrue(schema, "x-kubernetes-embedded-resource"), "", unknown);
        unknown.Sort(StringComparer.Ordinal);
        return unknown;
    }

    private static void PruneNode(JsonNode? value, JsonObject? schema, bool isEmbeddedResource, string path, List<string> unknown)
    {
        if (schema is not null && IsTrue(schema, "x-kubernetes-preserve-unknown-fields"))
        {
            SkipPrune(value, schema, path, unknown);
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                var properties = schema?["properties"] as JsonObject;
                var additional = schema?["additionalProperties"] as JsonObject;
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (schema is not null && (isEmbeddedResource || IsTrue(schema, "x-kubernetes-embedded-resource")) && MetaFields.Contains(key))
                    {
                        continue;
                    }

                    if (properties?[key] is JsonObject property)
                    {
                        PruneNode(obj[key], property, IsTrue(property, "x-kubernetes-embedded-resource"), Append(path, key), unknown);
                    }
                    else if (additional is not null)
                    {
                        PruneNode(obj[key], additional, IsTrue(additional, "x-kubernetes-embedded-resource"), Append(path, key), unknown);
                    }
                    else
                    {
                        if (!MetaFields.Contains(key) || path.Length > 0)
                        {
                            unknown.Add(Append(path, key));
                        }

                        obj.Remove(key);
                    }
                }

                break;
            case JsonArray array:
                var items = schema?["items"] as JsonObject;
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(array[i], items, items is not null && IsTrue(items, "x-kubernetes-embedded-resource"), Index(path, i), unknown);
                }

                break;
        }
    }

    private static void SkipPrune(JsonNode? value, JsonObject schema, string path, List<string> unknown)
    {
        switch (value)
        {
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                var additional = schema["additionalProperties"] as JsonObject;
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (IsTrue(schema, "x-kubernetes-embedded-resource") && MetaFields.Contains(key))
                    {
                        continue;
                    }

                    if (properties?[key] is JsonObject property)
                    {
                        PruneNode(obj[key], property, IsTrue(property, "x-kubernetes-embedded-resource"), Append(path, key), unknown);
                    }
                    else if (additional is not null)
                    {
                        PruneNode(obj[key], additional, IsTrue(additional, "x-kubernetes-embedded-resource"), Append(path, key), unknown);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    SkipPrune(array[i], items, Index(path, i), unknown);
                }

                break;
        }
    }

    internal static bool IsTrue(JsonObject schema, string name) => schema[name]?.GetValueKind() == JsonValueKind.True;

    private static string Append(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static string Index(string path, int i) => string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
}
