using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightSizer.Operator.Runtime;

/// <summary>
/// Reads JSON strings through a small fixed-size table of strings already read, so that the values every cached
/// object repeats (namespaces, label keys and values, owner names and uids, images, kinds, phases, quantities' names)
/// are one string each instead of one per object: at 10,000 pods, 215,000 of the heap's 254,000 strings were such
/// copies (docs/benchmarks.md). The table is direct-mapped: a string's hash picks one slot, a hit returns the slot's
/// string, a miss allocates as usual and takes the slot over, so it stays bounded (<see cref="Slots"/> references and
/// strings of at most <see cref="MaxPooledBytes"/> bytes) however many distinct values pass, and a value seen once
/// costs one slot for a while. Only short unescaped ASCII values are pooled, since those can be compared to the
/// string without decoding; anything else is read as the default converter reads it. Safe across threads: a slot is
/// one reference, read and replaced whole, and a hit is checked against the bytes before it is returned.
/// </summary>
public sealed class PooledStringConverter : JsonConverter<string>
{
    public const int Slots = 16384;
    public const int MaxPooledBytes = 128;

    private readonly string?[] _table = new string?[Slots];

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? ReadPooled(ref reader) : reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadPooled(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }

    private string ReadPooled(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxPooledBytes || !Ascii.IsValid(reader.ValueSpan))
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        var hash = new HashCode();
        hash.AddBytes(bytes);
        ref var slot = ref _table[hash.ToHashCode() & (Slots - 1)];
        var pooled = Volatile.Read(ref slot);
        if (pooled is not null && Ascii.Equals(bytes, pooled))
        {
            return pooled;
        }

        var read = Encoding.ASCII.GetString(bytes);
        Volatile.Write(ref slot, read);
        return read;
    }
}
