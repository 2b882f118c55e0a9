using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RightSizer.Api.V1alpha1;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RightSizer.Recommender.Policy;

/// <summary>
/// Reads MemoryPolicy documents from YAML (several per file, separated by <c>---</c>). YAML goes through JSON so the
/// API types' JSON names and enum converters are the one definition of the format; unknown fields are errors, as a
/// structural CRD schema would prune them silently and the user would never learn of the typo.
/// </summary>
public static class MemoryPolicyYaml
{
    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <param name="source">Names the input in messages: a file path, or e.g. "stdin".</param>
    /// <exception cref="PolicyFormatException">The text is not YAML, or a document is not a MemoryPolicy.</exception>
    public static IReadOnlyList<V1alpha1MemoryPolicy> Load(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new PolicyFormatException($"{source}:{e.Start.Line}: not valid YAML: {e.Message}", e);
        }

        var policies = new List<V1alpha1MemoryPolicy>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            policies.Add(ToPolicy(document.RootNode, source));
        }

        return policies;
    }

    private static V1alpha1MemoryPolicy ToPolicy(YamlNode root, string source)
    {
        var where = $"{source}:{root.Start.Line}";
        if (ToJson(root) is not JsonObject json)
        {
            throw new PolicyFormatException($"{where}: expected a MemoryPolicy object");
        }

        var apiVersion = json["apiVersion"]?.GetValue<string>();
        var kind = json["kind"]?.GetValue<string>();
        var expected = $"{V1alpha1MemoryPolicy.KubeGroup}/{V1alpha1MemoryPolicy.KubeApiVersion}";
        if (apiVersion != expected || kind != V1alpha1MemoryPolicy.KubeKind)
        {
            throw new PolicyFormatException(
                $"{where}: expected apiVersion {expected} and kind {V1alpha1MemoryPolicy.KubeKind}, found {apiVersion ?? "none"} {kind ?? "none"}");
        }

        try
        {
            return json.Deserialize<V1alpha1MemoryPolicy>(Options)
                ?? throw new PolicyFormatException($"{where}: empty MemoryPolicy");
        }
        catch (JsonException e)
        {
            throw new PolicyFormatException($"{where}: {Describe(e, json)}", e);
        }
    }

    private static string Describe(JsonException e, JsonObject json)
    {
        var path = e.Path is { Length: > 2 } p ? p[2..] : "(document)";
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"{path}: unknown field";
        }

        var value = ValueAt(json, path);
        var enumType = typeof(V1alpha1MemoryPolicy).Assembly.GetTypes()
            .FirstOrDefault(t => t.IsEnum && e.Message.Contains(t.FullName!, StringComparison.Ordinal));
        return enumType is not null
            ? $"{path}: must be one of {string.Join(", ", Enum.GetNames(enumType))} (got {value})"
            : $"{path}: {FirstSentence(e.Message)} (got {value})";
    }

    // Follows a serializer path such as spec.containers[0].mode through the document, for the offending value.
    private static string ValueAt(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = node?[bracket < 0 ? part : part[..bracket]];
            if (bracket >= 0 && int.TryParse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
        }

        return node is null ? "null" : $"'{node.ToJsonString().Trim('"')}'";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    // Plain scalars become strings too (but true/false/null): the serializer reads numbers from strings, so "1" fits a
    // string field and 95 a number field alike.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(
            child => KeyValuePair.Create(((YamlScalarNode)child.Key).Value ?? string.Empty, ToJson(child.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" } => JsonValue.Create(true),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" } => JsonValue.Create(false),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new PolicyFormatException($"line {node.Start.Line}: unsupported YAML node"),
    };
}
