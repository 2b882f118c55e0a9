using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.CustomResources;

/// <summary>
/// Applies a structural schema's defaults as apiextensions does (<c>pkg/apiserver/schema/defaulting</c>), after pruning:
/// first nulls of non-nullable fields without a default are dropped, then, top down, every absent property (or
/// non-nullable null) with a default gets a copy of it, and the walk continues into the result, so a defaulted
/// <c>spec</c> object gets its own fields' defaults too.
/// </summary>
public static class SchemaDefaulter
{
    public static void Default(JsonObject resource, JsonObject schema)
    {
        PruneNonNullableNullsWithoutDefaults(resource, schema);
        DefaultNode(resource, schema);
    }

    private static void DefaultNode(JsonNode? value, JsonObject? schema)
    {
        if (schema is null)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                foreach (var (key, propertyNode) in properties ?? [])
                {
                    if (propertyNode is JsonObject property && property["default"] is { } defaultValue
                        && (!obj.TryGetPropertyValue(key, out var current) || IsNonNullableNull(current, property)))
                    {
                        obj[key] = defaultValue.DeepClone();
                    }
                }

                var additional = schema["additionalProperties"] as JsonObject;
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (properties?[key] is JsonObject property)
                    {
                        DefaultNode(obj[key], property);
                    }
                    else if (additional is not null)
                    {
                        if (IsNonNullableNull(obj[key], additional) && additional["default"] is { } additionalDefault)
                        {
                            obj[key] = additionalDefault.DeepClone();
                        }

                        DefaultNode(obj[key], additional);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsNonNullableNull(array[i], items) && items["default"] is { } itemDefault)
                    {
                        array[i] = itemDefault.DeepClone();
                    }

                    DefaultNode(array[i], items);
                }

                break;
        }
    }

    private static void PruneNonNullableNullsWithoutDefaults(JsonNode? value, JsonObject? schema)
    {
        if (schema is null)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                var additional = schema["additionalProperties"] as JsonObject;
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var property = properties?[key] as JsonObject ?? additional;
                    if (property is null)
                    {
                        continue;
                    }

                    if (obj[key] is null && !IsNullable(property) && property["default"] is null)
                    {
                        obj.Remove(key);
                        continue;
                    }

                    PruneNonNullableNullsWithoutDefaults(obj[key], property);
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array)
                {
                    PruneNonNullableNullsWithoutDefaults(item, items);
                }

                break;
        }
    }

    private static bool IsNonNullableNull(JsonNode? value, JsonObject schema) => value is null && !IsNullable(schema);

    private static bool IsNullable(JsonObject schema) => schema["nullable"]?.GetValueKind() == JsonValueKind.True;
}
