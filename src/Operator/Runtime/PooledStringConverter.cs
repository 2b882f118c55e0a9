using System.Text.Json;
using System.Text.Json.Serialization;
using RightSizer.Api.Text;

namespace RightSizer.Operator.Runtime;

/// <summary>
/// Reads KubernetesClient's JSON strings through a <see cref="Utf8StringPool"/>, so that the values every cached
/// object repeats (namespaces, label keys and values, owner names and uids, images, kinds, phases, quantities' names)
/// are one string each instead of one per object: at 10,000 pods, 215,000 of the heap's 254,000 strings were such
/// copies (docs/benchmarks.md).
/// </summary>
public sealed class PooledStringConverter : JsonConverter<string>
{
    public const int Slots = 16384;

    private readonly Utf8StringPool _pool = new(Slots);

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? _pool.Read(ref reader) : reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        _pool.Read(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }
}
