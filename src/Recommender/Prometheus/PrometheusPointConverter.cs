using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightSizer.Recommender.Prometheus;

/// <summary>Reads <c>[1712345678.123, "42"]</c> without boxing, since a scan holds millions of them.</summary>
public sealed class PrometheusPointConverter : JsonConverter<PrometheusPoint>
{
    public override PrometheusPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, "a [timestamp, \"value\"] pair");
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.Number, "a numeric timestamp");
        var timestamp = reader.GetDouble();
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.String, "a quoted sample value");
        // Parsed from the UTF-8 bytes where it can be: a string per sample would be most of a scan's garbage.
        var value = reader.HasValueSequence || reader.ValueIsEscaped ? ParseValue(reader.GetString()!) : ParseValue(reader.ValueSpan);
        reader.Read();
        Expect(reader.TokenType == JsonTokenType.EndArray, "the end of the [timestamp, \"value\"] pair");
        return new PrometheusPoint(timestamp, value);
    }

    public override void Write(Utf8JsonWriter writer, PrometheusPoint value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Timestamp);
        writer.WriteStringValue(value.Value.ToString("R", CultureInfo.InvariantCulture));
        writer.WriteEndArray();
    }

    /// <summary>
    /// A number read from its bytes; what the number parser refuses (Go's <c>+Inf</c>, <c>-Inf</c>, or no number at all)
    /// goes to the text's reading, which knows the infinities and names what is wrong.
    /// </summary>
    internal static double ParseValue(ReadOnlySpan<byte> utf8) =>
        double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : ParseValue(Encoding.UTF8.GetString(utf8));

    /// <summary>Prometheus writes Go's float formatting: <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c> or a number.</summary>
    internal static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new JsonException($"sample value '{(text.Length <= 40 ? text : text[..40] + "…")}' is not a number"),
    };

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new JsonException($"expected {what} in a Prometheus sample");
        }
    }
}
