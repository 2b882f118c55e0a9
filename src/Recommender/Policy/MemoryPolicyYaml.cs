using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Recommender.Policy;

/// <summary>
/// Reads MemoryPolicy documents from YAML (several per file, separated by <c>---</c>). YAML goes through JSON so the
/// API types' JSON names are the one definition of the format, and it is read as kubectl reads it (YAML 1.1 scalars,
/// see <see cref="YamlJsonReader"/>), so what passes here is what the API server accepts: unknown fields are errors
/// (a structural CRD schema would prune them silently and the user would never learn of the typo), every one with its
/// line; enums must be spelled exactly.
/// </summary>
public static class MemoryPolicyYaml
{
    /// <summary>The largest policy file read (the API server's own request limit).</summary>
    public const int MaxBytes = YamlJsonReader.MaxBytes;

    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new StrictEnumConverter() },
    };

    /// <param name="source">Names the input in messages: a file path, or e.g. "stdin".</param>
    /// <exception cref="PolicyFormatException">The text is not YAML, or a document is not a MemoryPolicy.</exception>
    public static IReadOnlyList<V1alpha1MemoryPolicy> Load(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var policies = new List<V1alpha1MemoryPolicy>();
        foreach (var document in YamlJsonReader.Read(yaml, source))
        {
            if (document.Root is null)
            {
                continue;
            }

            policies.Add(ToPolicy(document, source));
        }

        return policies;
    }

    private static V1alpha1MemoryPolicy ToPolicy(YamlJsonDocument document, string source)
    {
        var where = $"{source}:{document.LineOf("$")}";
        if (document.Root is not JsonObject json)
        {
            throw new PolicyFormatException($"{where}: expected a MemoryPolicy object");
        }

        var apiVersion = (json["apiVersion"] as JsonValue)?.ToString();
        var kind = (json["kind"] as JsonValue)?.ToString();
        var expected = $"{V1alpha1MemoryPolicy.KubeGroup}/{V1alpha1MemoryPolicy.KubeApiVersion}";
        if (apiVersion != expected || kind != V1alpha1MemoryPolicy.KubeKind)
        {
            throw new PolicyFormatException(
                $"{where}: expected apiVersion {expected} and kind {V1alpha1MemoryPolicy.KubeKind}, found {apiVersion ?? "none"} {kind ?? "none"}");
        }

        var unknown = UnknownFields.Find(json, typeof(V1alpha1MemoryPolicy));
        if (unknown.Count > 0)
        {
            throw new PolicyFormatException([.. unknown.Select(path => $"{source}:{document.LineOf(path)}: {path[2..]}: unknown field")]);
        }

        try
        {
            return json.Deserialize<V1alpha1MemoryPolicy>(Options)
                ?? throw new PolicyFormatException($"{where}: empty MemoryPolicy");
        }
        catch (JsonException e)
        {
            var path = e.Path ?? "$";
            throw new PolicyFormatException($"{source}:{document.LineOf(path)}: {Describe(e, path, document)}", e);
        }
    }

    private static string Describe(JsonException e, string path, YamlJsonDocument document)
    {
        var field = path.Length > 2 ? path[2..] : "(document)";
        var value = ValueAt(document.Root, path);
        var plain = document.Plain.TryGetValue(path, out var text)
            ? $": YAML 1.1, as kubectl reads it, takes a plain {text} for {(value == "null" ? "null" : "a boolean")}; quote it (\"{text}\")"
            : string.Empty;
        const string EnumMarker = "not one of the ";
        var marker = e.Message.IndexOf(EnumMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            var name = e.Message[(marker + EnumMarker.Length)..].Split(' ')[0];
            var enumType = typeof(V1alpha1MemoryPolicy).Assembly.GetTypes().First(t => t.IsEnum && t.Name == name);
            return $"{field}: must be one of {string.Join(", ", Enum.GetNames(enumType))}, spelled exactly (got {value}{plain})";
        }

        return $"{field}: expected {Expected(e.Message)} (got {value}{plain})";
    }

    /// <summary>What the field holds, from the serializer's message, in the user's words rather than .NET type names.</summary>
    private static string Expected(string message) => message switch
    {
        _ when message.Contains("System.String", StringComparison.Ordinal) => "a string",
        _ when message.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when message.Contains("System.Int", StringComparison.Ordinal) => "a whole number",
        _ when message.Contains("System.Double", StringComparison.Ordinal) || message.Contains("System.Decimal", StringComparison.Ordinal) => "a number",
        _ when message.Contains("IDictionary", StringComparison.Ordinal) || message.Contains("V1", StringComparison.Ordinal) => "a mapping",
        _ when message.Contains("IList", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal) => "a list",
        _ => "a value of another type",
    };

    // Follows a serializer path such as $.spec.containers[0].mode through the document, for the offending value.
    private static string ValueAt(JsonNode? root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.').Skip(1))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = node is JsonObject json ? json[bracket < 0 ? part : part[..bracket]] : null;
            if (bracket >= 0 && int.TryParse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
        }

        return node switch
        {
            null => "null",
            JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => $"'{scalar}'",
            _ => node.ToJsonString(),
        };
    }
}
