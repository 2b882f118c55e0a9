using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>
/// The fields an object sets, as server-side apply tracks them: leaf paths written as structured-merge-diff prints
/// them (<c>.spec.mode</c>, <c>.spec.containers[name="app"].image</c>, <c>.metadata.finalizers[="x"]</c>), list
/// elements of keyed lists and map-typed fields also owning themselves. Identity fields (name, namespace, uid,
/// resourceVersion …) and managedFields are not tracked.
/// </summary>
public static class FieldPaths
{
    private static readonly HashSet<string> UntrackedMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink", "generateName",
    };

    private static readonly HashSet<string> MapTypedFields = new(StringComparer.Ordinal) { "labels", "annotations" };

    /// <summary>Every tracked path of <paramref name="obj"/>; <paramref name="lists"/> says how each list field merges.</summary>
    public static SortedSet<string> Of(JsonObject obj, Func<IReadOnlyList<string>, ListMergeStrategy> lists)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind")
            {
                continue;
            }

            if (key == "metadata" && value is JsonObject metadata)
            {
                foreach (var (metaKey, metaValue) in metadata.Where(p => !UntrackedMetadata.Contains(p.Key)))
                {
                    Walk(metaValue, ".metadata." + metaKey, ["metadata", metaKey], lists, paths);
                }

                continue;
            }

            Walk(value, "." + key, [key], lists, paths);
        }

        return paths;
    }

    private static void Walk(JsonNode? value, string path, List<string> fields, Func<IReadOnlyList<string>, ListMergeStrategy> lists, SortedSet<string> paths)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0:
                if (MapTypedFields.Contains(fields[^1]))
                {
                    paths.Add(path);
                }

                foreach (var (key, child) in obj)
                {
                    Walk(child, path + "." + key, [.. fields, key], lists, paths);
                }

                break;
            case JsonArray array when array.Count > 0:
                var strategy = lists(fields);
                if (strategy.MergeKey is { } mergeKey)
                {
                    foreach (var element in array.OfType<JsonObject>())
                    {
                        var elementPath = path + "[" + mergeKey + "=" + KeyText(element[mergeKey]) + "]";
                        paths.Add(elementPath);
                        foreach (var (childKey, child) in element)
                        {
                            Walk(child, elementPath + "." + childKey, [.. fields, childKey], lists, paths);
                        }
                    }
                }
                else if (strategy.MergePrimitives)
                {
                    foreach (var element in array)
                    {
                        paths.Add(path + "[=" + KeyText(element) + "]");
                    }
                }
                else
                {
                    paths.Add(path);
                }

                break;
            default:
                paths.Add(path);
                break;
        }
    }

    /// <summary>A key value as structured-merge-diff prints it: JSON (strings quoted).</summary>
    private static string KeyText(JsonNode? value) => value?.ToJsonString(GoJson.Options) ?? "null";

    /// <summary>The value an object has at a tracked path; false when the path is absent.</summary>
    public static bool TryGet(JsonObject obj, string path, out JsonNode? value)
    {
        value = obj;
        foreach (var segment in Segments(path))
        {
            if (segment.StartsWith('['))
            {
                var inner = segment[1..^1];
                var eq = inner.IndexOf('=', StringComparison.Ordinal);
                var key = inner[..eq];
                var wanted = JsonNode.Parse(inner[(eq + 1)..]);
                value = (value as JsonArray)?.FirstOrDefault(e => key.Length == 0 ? JsonNode.DeepEquals(e, wanted) : JsonNode.DeepEquals(e?[key], wanted));
            }
            else if (value is JsonObject current && current.TryGetPropertyValue(segment, out var child))
            {
                value = child;
                continue;
            }
            else
            {
                value = null;
                return false;
            }

            if (value is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes the value at a tracked path, if present.</summary>
    public static void Remove(JsonObject obj, string path)
    {
        var segments = Segments(path);
        var parentPath = string.Concat(segments.Take(segments.Count - 1).Select(s => s.StartsWith('[') ? s : "." + s));
        if (!TryGet(obj, parentPath, out var parent))
        {
            return;
        }

        var last = segments[^1];
        if (last.StartsWith('[') && parent is JsonArray array && TryGet(obj, path, out var element))
        {
            array.Remove(element);
        }
        else if (parent is JsonObject map)
        {
            map.Remove(last);
        }
    }

    /// <summary>Splits <c>.spec.containers[name="app"].image</c> into <c>spec</c>, <c>containers</c>, <c>[name="app"]</c>, <c>image</c>.</summary>
    public static List<string> Segments(string path)
    {
        var segments = new List<string>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '['))
                {
                    end++;
                }

                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = ClosingBracket(path, i);
                segments.Add(path[i..(end + 1)]);
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return segments;
    }

    private static int ClosingBracket(string path, int open)
    {
        var inString = false;
        for (var i = open + 1; i < path.Length; i++)
        {
            if (path[i] == '"' && path[i - 1] != '\\')
            {
                inString = !inString;
            }
            else if (path[i] == ']' && !inString)
            {
                return i;
            }
        }

        return path.Length - 1;
    }

    /// <summary>The <c>fieldsV1</c> JSON of a path set (<c>{"f:spec":{"f:mode":{}}}</c>).</summary>
    public static JsonObject ToFieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths)
        {
            var node = root;
            var segments = Segments(path);
            foreach (var segment in segments)
            {
                var name = segment.StartsWith('[') ? ElementName(segment) : "f:" + segment;
                if (node[name] is not JsonObject child)
                {
                    child = [];
                    node[name] = child;
                }

                node = child;
            }

            if (segments.Count > 0 && (segments[^1].StartsWith("[", StringComparison.Ordinal) && !segments[^1].StartsWith("[=", StringComparison.Ordinal) || MapTypedFields.Contains(segments[^1])))
            {
                node["."] = new JsonObject();
            }
        }

        return root;
    }

    /// <summary>The path set a <c>fieldsV1</c> JSON describes.</summary>
    public static SortedSet<string> FromFieldsV1(JsonObject fields)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Read(fields, "", paths);
        return paths;
    }

    private static void Read(JsonObject node, string path, SortedSet<string> paths)
    {
        foreach (var (name, child) in node)
        {
            if (name == ".")
            {
                paths.Add(path);
                continue;
            }

            var childPath = name switch
            {
                _ when name.StartsWith("f:", StringComparison.Ordinal) => path + "." + name[2..],
                _ when name.StartsWith("k:", StringComparison.Ordinal) => path + KeyElement(name[2..]),
                _ when name.StartsWith("v:", StringComparison.Ordinal) => path + "[=" + name[2..] + "]",
                _ => path + "." + name,
            };
            if (child is JsonObject { Count: > 0 } nested)
            {
                Read(nested, childPath, paths);
            }
            else
            {
                paths.Add(childPath);
            }
        }
    }

    private static string ElementName(string segment)
    {
        var inner = segment[1..^1];
        if (inner.StartsWith('='))
        {
            return "v:" + inner[1..];
        }

        var eq = inner.IndexOf('=', StringComparison.Ordinal);
        return "k:" + new JsonObject { [inner[..eq]] = JsonNode.Parse(inner[(eq + 1)..]) }.ToJsonString(GoJson.Options);
    }

    private static string KeyElement(string keyJson)
    {
        var keys = JsonNode.Parse(keyJson) as JsonObject ?? [];
        return "[" + string.Join(",", keys.Select(k => k.Key + "=" + (k.Value?.ToJsonString(GoJson.Options) ?? "null"))) + "]";
    }
}
