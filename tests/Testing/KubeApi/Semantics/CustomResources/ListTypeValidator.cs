using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.CustomResources;

/// <summary>
/// The uniqueness rules of <c>x-kubernetes-list-type</c> (apiextensions' <c>listtype.ValidateListSetsAndMaps</c>):
/// a <c>set</c> may not repeat a value, a <c>map</c> may not repeat a key tuple; each repeat is
/// <c>spec.containers[1]: Duplicate value: {"containerName":"app"}</c>.
/// </summary>
public static class ListTypeValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonObject schema, JsonNode? value)
    {
        var errors = new List<FieldError>();
        Walk(schema, value, "", errors);
        return errors;
    }

    private static void Walk(JsonObject? schema, JsonNode? value, string path, List<FieldError> errors)
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
                foreach (var (key, item) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Walk(properties?[key] as JsonObject ?? additional, item, path.Length == 0 ? key : path + "." + key, errors);
                }

                break;
            case JsonArray array:
                CheckList(schema, array, path, errors);
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(schema["items"] as JsonObject, array[i], Index(path, i), errors);
                }

                break;
        }
    }

    private static void CheckList(JsonObject schema, JsonArray array, string path, List<FieldError> errors)
    {
        var listType = schema["x-kubernetes-list-type"]?.GetValue<string>();
        if (listType == "set")
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (Enumerable.Range(0, i).Any(j => JsonTypes.DeepEquals(array[j], array[i])))
                {
                    errors.Add(FieldError.Duplicate(Index(path, i), array[i]));
                }
            }
        }
        else if (listType == "map" && schema["x-kubernetes-list-map-keys"] is JsonArray keyNames)
        {
            var keys = keyNames.Select(k => k!.GetValue<string>()).ToList();
            var seen = new List<JsonObject>();
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonObject item)
                {
                    continue;
                }

                var tuple = new JsonObject();
                foreach (var key in keys.Where(item.ContainsKey).Order(StringComparer.Ordinal))
                {
                    tuple[key] = item[key]?.DeepClone();
                }

                if (seen.Any(s => JsonNode.DeepEquals(s, tuple)))
                {
                    errors.Add(FieldError.Duplicate(Index(path, i), tuple));
                }

                seen.Add(tuple);
            }
        }
    }

    private static string Index(string path, int i) => string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
}
