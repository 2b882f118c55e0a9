using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightSizer.Api.Schema;

/// <summary>
/// Reads an int-or-string field (a quantity such as <c>1073741824</c> or <c>1Gi</c>, a count or a percentage) into a
/// string, as the API server stores whichever the user wrote; writes it back as a string.
/// </summary>
public sealed class IntOrStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.TryGetInt64(out var number)
                ? number.ToString(CultureInfo.InvariantCulture)
                : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => throw new JsonException($"expected a number or a string, found {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
