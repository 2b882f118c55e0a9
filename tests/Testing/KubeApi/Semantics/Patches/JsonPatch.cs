using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>
/// RFC 6902 JSON patch with the semantics of the library the API server uses (evanphx/json-patch v4): <c>add</c> needs
/// the parent to exist (so <c>add …/resources/limits/memory</c> fails when <c>limits</c> is absent), <c>-</c> appends,
/// <c>replace</c> and <c>remove</c> need the target to exist, <c>test</c> compares by value, <c>move</c> and
/// <c>copy</c> read <c>from</c>. The patch applies atomically: any failing operation leaves the document untouched.
/// </summary>
public static class JsonPatch
{
    public static JsonNode? Apply(JsonNode? document, JsonArray patch)
    {
        var result = document?.DeepClone();
        foreach (var operation in patch)
        {
            if (operation is not JsonObject op)
            {
                throw new PatchException("invalid JSON patch operation: " + (operation?.ToJsonString() ?? "null"));
            }

            result = ApplyOperation(result, op);
        }

        return result;
    }

    /// <summary>Parses the body of a <c>application/json-patch+json</c> request.</summary>
    public static JsonArray Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonArray ?? throw new PatchException("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }
        catch (JsonException e)
        {
            throw new PatchException(e.Message);
        }
    }

    private static JsonNode? ApplyOperation(JsonNode? document, JsonObject op)
    {
        var kind = op["op"]?.GetValue<string>() ?? "";
        var path = op["path"]?.GetValue<string>() ?? throw new PatchException($"operation missing path field: {op.ToJsonString()}");
        switch (kind)
        {
            case "add":
                return Add(document, path, Value(op));
            case "remove":
                return Remove(document, path, out _);
            case "replace":
                Get(document, path, kind);
                return Add(Remove(document, path, out _), path, Value(op), replacing: true);
            case "move":
                var from = op["from"]?.GetValue<string>() ?? throw new PatchException("move operation missing from field");
                var moved = Get(document, from, kind)?.DeepClone();
                return Add(Remove(document, from, out _), path, moved);
            case "copy":
                var source = op["from"]?.GetValue<string>() ?? throw new PatchException("copy operation missing from field");
                return Add(document, path, Get(document, source, kind)?.DeepClone());
            case "test":
                if (!JsonNode.DeepEquals(TryGet(document, path, out var found) ? found : null, op["value"]))
                {
                    throw new PatchException($"testing value {path} failed: test failed");
                }

                return document;
            default:
                throw new PatchException($"Unexpected kind: {kind}");
        }
    }

    private static JsonNode? Value(JsonObject op) =>
        op.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : throw new PatchException("missing value");

    private static JsonNode? Add(JsonNode? document, string path, JsonNode? value, bool replacing = false)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            return value;
        }

        var parent = Parent(document, tokens, path, replacing ? "replace" : "add");
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                var index = last == "-" ? array.Count : ParseIndex(last, path);
                if (index < 0 || index > array.Count)
                {
                    throw new PatchException($"add operation does not apply: doc is missing path: {FieldQuote(path)}: missing value");
                }

                array.Insert(index, value);
                break;
            default:
                throw new PatchException($"{(replacing ? "replace" : "add")} operation does not apply: doc is missing path: {FieldQuote(path)}: missing value");
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, string path, out JsonNode? removed)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            throw new PatchException("remove operation does not apply: doc is missing path: \"\": missing value");
        }

        var parent = Parent(document, tokens, path, "remove");
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                removed = obj[last];
                obj.Remove(last);
                return document;
            case JsonArray array:
                var index = ParseIndex(last, path);
                if (index < 0 || index >= array.Count)
                {
                    break;
                }

                removed = array[index];
                array.RemoveAt(index);
                return document;
        }

        throw new PatchException($"remove operation does not apply: doc is missing path: {FieldQuote(path)}: missing value");
    }

    private static JsonNode? Get(JsonNode? document, string path, string operation) =>
        TryGet(document, path, out var value)
            ? value
            : throw new PatchException($"{operation} operation does not apply: doc is missing path: {FieldQuote(path)}: missing value");

    private static bool TryGet(JsonNode? document, string path, out JsonNode? value)
    {
        value = document;
        foreach (var token in JsonPointer.Parse(path))
        {
            switch (value)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    value = child;
                    break;
                case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count:
                    value = array[i];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    private static JsonNode? Parent(JsonNode? document, IReadOnlyList<string> tokens, string path, string operation)
    {
        var parentPath = "/" + string.Join("/", tokens.Take(tokens.Count - 1).Select(JsonPointer.Escape));
        if (tokens.Count == 1)
        {
            return document;
        }

        return TryGet(document, parentPath, out var parent) && parent is JsonObject or JsonArray
            ? parent
            : throw new PatchException($"{operation} operation does not apply: doc is missing path: {FieldQuote(path)}: missing value");
    }

    private static int ParseIndex(string token, string path) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new PatchException($"Unable to access invalid index: {token}: {FieldQuote(path)}");

    private static string FieldQuote(string path) => "\"" + path + "\"";
}
