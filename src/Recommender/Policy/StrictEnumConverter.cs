using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightSizer.Recommender.Policy;

/// <summary>
/// Reads enums as the API server's schema checks them: a string spelled exactly as one of the names. Integers
/// (<c>mode: 99</c>) and other casings (<c>mode: OFF</c>) are refused, where .NET's own converter would accept both.
/// </summary>
internal sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text
                && Enum.GetNames<T>().Contains(text, StringComparer.Ordinal))
            {
                return Enum.Parse<T>(text, ignoreCase: false);
            }

            throw new JsonException($"not one of the {typeof(T).Name} names");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
