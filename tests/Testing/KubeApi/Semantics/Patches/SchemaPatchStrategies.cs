using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>
/// The list semantics of a custom resource for server-side apply, read from its schema:
/// <c>x-kubernetes-list-type: map</c> merges by its (first) map key, <c>set</c> as a set of scalars, anything else
/// is atomic.
/// </summary>
public static class SchemaPatchStrategies
{
    public static Func<IReadOnlyList<string>, ListMergeStrategy> For(JsonObject openApiV3Schema) => path =>
    {
        JsonObject? schema = openApiV3Schema;
        foreach (var field in path)
        {
            while (schema?["type"]?.GetValue<string>() == "array")
            {
                schema = schema["items"] as JsonObject;
            }

            schema = schema?["properties"]?[field] as JsonObject ?? schema?["additionalProperties"] as JsonObject;
        }

        return schema?["x-kubernetes-list-type"]?.GetValue<string>() switch
        {
            "map" when schema["x-kubernetes-list-map-keys"] is JsonArray { Count: > 0 } keys => new ListMergeStrategy(keys[0]!.GetValue<string>()),
            "set" => new ListMergeStrategy(null, MergePrimitives: true),
            _ => ListMergeStrategy.Replace,
        };
    };
}
