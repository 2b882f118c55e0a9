using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RightSizer.Testing.KubeApi.Semantics.Yaml;

/// <summary>
/// Reads manifests as kubectl does (sigs.k8s.io/yaml over go-yaml v2): each <c>---</c> document becomes JSON, plain
/// scalars resolve by YAML 1.1 (<see cref="YamlScalarResolver"/>), quoted ones stay strings, map keys become strings
/// (<c>on:</c> is the key <c>"true"</c>), anchors, aliases and <c>&lt;&lt;</c> merges are followed, and empty
/// documents are skipped.
/// </summary>
public static class KubeYaml
{
    /// <summary>Every non-empty document of <paramref name="yaml"/>, in order.</summary>
    public static IReadOnlyList<JsonNode> ReadDocuments(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var documents = new List<JsonNode>();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                var node = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, anchors);
                parser.Consume<DocumentEnd>();
                if (node is not null)
                {
                    documents.Add(node);
                }
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            throw new KubeYamlException($"error converting YAML to JSON: yaml: line {e.Start.Line}: {e.Message}", e);
        }

        return documents;
    }

    /// <summary>The objects kubectl would send: every document that is an object, the items of a <c>kind: List</c> expanded.</summary>
    public static IReadOnlyList<JsonObject> ReadObjects(string yaml)
    {
        var objects = new List<JsonObject>();
        foreach (var document in ReadDocuments(yaml))
        {
            if (document is not JsonObject obj)
            {
                throw new KubeYamlException("error unmarshaling JSON: json: cannot unmarshal " + (document is JsonArray ? "array" : "string") + " into Go value of type map[string]interface {}");
            }

            if (obj["kind"]?.GetValue<string>() == "List" && obj["items"] is JsonArray items)
            {
                objects.AddRange(items.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()));
            }
            else
            {
                objects.Add(obj);
            }
        }

        return objects;
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new KubeYamlException($"yaml: unknown anchor '{alias.Value.Value}' referenced");
            }

            return target?.DeepClone();
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var value = ResolveScalar(scalar);
            Remember(anchors, scalar.Anchor, value);
            return value;
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, anchors));
            }

            Remember(anchors, sequenceStart.Anchor, array);
            return array;
        }

        var mappingStart = parser.Consume<MappingStart>();
        var map = new JsonObject();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var isMerge = parser.Accept<Scalar>(out var keyScalar) && keyScalar.Value == "<<" && keyScalar.Style == ScalarStyle.Plain && keyScalar.Tag.IsEmpty;
            var key = ReadNode(parser, anchors);
            var value = ReadNode(parser, anchors);
            if (isMerge)
            {
                Merge(map, value);
                continue;
            }

            map[KeyString(key)] = value;
        }

        Remember(anchors, mappingStart.Anchor, map);
        return map;
    }

    private static void Merge(JsonObject map, JsonNode? value)
    {
        IEnumerable<JsonNode?> sources = value is JsonArray list ? list : [value];
        foreach (var source in sources)
        {
            if (source is not JsonObject merged)
            {
                throw new KubeYamlException("yaml: map merge requires map or sequence of maps as the value");
            }

            foreach (var (k, v) in merged)
            {
                map[k] = v?.DeepClone();
            }
        }
    }

    private static void Remember(Dictionary<string, JsonNode?> anchors, AnchorName anchor, JsonNode? value)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = value?.DeepClone();
        }
    }

    /// <summary>JSON keys are strings; go-yaml's typed keys are printed back (<c>true</c>, <c>8080</c>).</summary>
    private static string KeyString(JsonNode? key) => key switch
    {
        null => throw new KubeYamlException("error converting YAML to JSON: unsupported map key of type: <nil>"),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        _ => throw new KubeYamlException("error converting YAML to JSON: yaml: invalid map key: " + key.ToJsonString()),
    };

    private static JsonNode? ResolveScalar(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && scalar.Tag.Value != "!")
        {
            return ResolveTagged(scalar.Tag.Value, scalar.Value);
        }

        return scalar.Style == ScalarStyle.Plain ? YamlScalarResolver.Resolve(scalar.Value) : JsonValue.Create(scalar.Value);
    }

    private static JsonNode? ResolveTagged(string tag, string value) => tag switch
    {
        "tag:yaml.org,2002:str" => JsonValue.Create(value),
        "tag:yaml.org,2002:null" => null,
        "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" =>
            YamlScalarResolver.Resolve(value) ?? throw new KubeYamlException($"yaml: cannot decode !!{tag[18..]} `{value}`"),
        "tag:yaml.org,2002:binary" => JsonValue.Create(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(value))),
        _ => JsonValue.Create(value),
    };
}
