using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>
/// Strategic merge patch for built-in kinds (apimachinery's <c>strategicpatch</c>): maps merge, <c>null</c> deletes,
/// lists merge by their merge key (<see cref="BuiltInPatchStrategies"/>) or replace, and the directives
/// <c>$patch: replace|delete|merge</c> (in maps and as list elements), <c>$setElementOrder/&lt;list&gt;</c>,
/// <c>$deleteFromPrimitiveList/&lt;list&gt;</c> and <c>$retainKeys</c> are honoured.
/// </summary>
public static class StrategicMergePatch
{
    private const string Directive = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(JsonObject original, JsonObject patch, string kind) =>
        MergeMap((JsonObject)original.DeepClone(), patch, kind, []) ?? [];

    private static JsonObject? MergeMap(JsonObject original, JsonObject patch, string kind, List<string> path)
    {
        switch (patch[Directive]?.GetValue<string>())
        {
            case "replace":
                return StripDirectives(patch);
            case "delete":
                return null;
            case null or "merge":
                break;
            default:
                throw new PatchException($"Unrecognized $patch directive: {patch[Directive]!.GetValue<string>()}");
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            var childPath = new List<string>(path) { key };
            if (value is null)
            {
                original.Remove(key);
            }
            else if (value is JsonObject patchMap)
            {
                var merged = MergeMap(original[key] as JsonObject ?? [], patchMap, kind, childPath);
                if (merged is null)
                {
                    original.Remove(key);
                }
                else
                {
                    original[key] = merged;
                }
            }
            else if (value is JsonArray patchList)
            {
                original[key] = MergeList(original[key] as JsonArray, patchList, BuiltInPatchStrategies.For(kind, childPath), kind, childPath);
            }
            else
            {
                original[key] = value.DeepClone();
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal) && original[key[DeleteFromPrimitiveList.Length..]] is JsonArray list && value is JsonArray remove)
            {
                foreach (var item in list.Where(i => remove.Any(r => JsonNode.DeepEquals(r, i))).ToList())
                {
                    list.Remove(item);
                }
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(SetElementOrder, StringComparison.Ordinal) && value is JsonArray order)
            {
                var listName = key[SetElementOrder.Length..];
                if (original[listName] is JsonArray list)
                {
                    original[listName] = Reorder(list, order, BuiltInPatchStrategies.For(kind, [.. path, listName]).MergeKey);
                }
            }
        }

        if (patch[RetainKeys] is JsonArray retain)
        {
            var keep = retain.Select(r => r?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                original.Remove(key);
            }
        }

        return original;
    }

    private static JsonArray MergeList(JsonArray? original, JsonArray patch, ListMergeStrategy strategy, string kind, List<string> path)
    {
        if (!strategy.IsMerge)
        {
            return StripDirectives(patch);
        }

        if (strategy.MergePrimitives)
        {
            var union = original is null ? [] : (JsonArray)original.DeepClone();
            foreach (var item in patch.Where(i => !union.Any(u => JsonNode.DeepEquals(u, i))))
            {
                union.Add(item?.DeepClone());
            }

            return union;
        }

        var key = strategy.MergeKey!;
        if (patch.OfType<JsonObject>().Any(e => e[Directive]?.GetValue<string>() == "replace"))
        {
            return new JsonArray([.. patch.OfType<JsonObject>().Where(e => e[Directive] is null).Select(e => (JsonNode)StripDirectives(e))]);
        }

        var result = original is null ? [] : (JsonArray)original.DeepClone();
        foreach (var element in patch)
        {
            if (element is not JsonObject patchElement)
            {
                throw new PatchException($"merging an object in json but data type is not struct, instead is: {JsonTypeName(element)}");
            }

            if (!patchElement.TryGetPropertyValue(key, out var keyValue))
            {
                throw new PatchException($"map: {GoMap(patchElement)} does not contain declared merge key: {key}");
            }

            var existing = result.OfType<JsonObject>().FirstOrDefault(e => JsonNode.DeepEquals(e[key], keyValue));
            if (patchElement[Directive]?.GetValue<string>() == "delete")
            {
                if (existing is not null)
                {
                    result.Remove(existing);
                }

                continue;
            }

            if (existing is null)
            {
                result.Add(MergeMap([], patchElement, kind, path));
                continue;
            }

            var index = result.IndexOf(existing);
            result[index] = MergeMap((JsonObject)existing.DeepClone(), patchElement, kind, path);
        }

        return result;
    }

    /// <summary>Orders a merged list by <c>$setElementOrder</c>; elements it does not name keep their place after the named ones.</summary>
    private static JsonArray Reorder(JsonArray list, JsonArray order, string? mergeKey)
    {
        JsonNode? Identity(JsonNode? element) => mergeKey is null ? element : element?[mergeKey];
        var ordered = new List<JsonNode?>();
        foreach (var wanted in order)
        {
            var wantedIdentity = mergeKey is null ? wanted : wanted?[mergeKey];
            ordered.AddRange(list.Where(e => JsonNode.DeepEquals(Identity(e), wantedIdentity)).Select(e => e?.DeepClone()));
        }

        ordered.AddRange(list.Where(e => !order.Any(o => JsonNode.DeepEquals(mergeKey is null ? o : o?[mergeKey], Identity(e)))).Select(e => e?.DeepClone()));
        return new JsonArray([.. ordered]);
    }

    private static JsonObject StripDirectives(JsonObject map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            if (!key.StartsWith('$'))
            {
                result[key] = value switch
                {
                    JsonObject nested => StripDirectives(nested),
                    JsonArray list => StripDirectives(list),
                    _ => value?.DeepClone(),
                };
            }
        }

        return result;
    }

    private static JsonArray StripDirectives(JsonArray list) =>
        new([.. list.Select(e => e is JsonObject map ? StripDirectives(map) : e?.DeepClone())]);

    private static string JsonTypeName(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "float64",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "slice",
        _ => "nil",
    };

    /// <summary>Go's <c>%v</c> of a map, as the merge-key error prints it: <c>map[image:nginx]</c>.</summary>
    private static string GoMap(JsonObject map) =>
        "map[" + string.Join(" ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + (p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : p.Value?.ToJsonString()))) + "]";
}
