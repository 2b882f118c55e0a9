using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.CustomResources;

/// <summary>
/// The OpenAPI type name of a decoded JSON value as kube-openapi sees Go's unstructured values: a number written
/// without fraction or exponent decodes to int64 (<c>integer</c>), any other number to float64 (<c>number</c>).
/// </summary>
public static class JsonTypes
{
    public static string Of(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsInteger(scalar) ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };

    /// <summary>Whether a JSON number decodes to int64 (no fraction, no exponent, within range).</summary>
    public static bool IsInteger(JsonValue number)
    {
        var text = number.ToJsonString();
        return text.IndexOfAny(['.', 'e', 'E']) < 0 && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    /// <summary>A JSON number as a double, whatever .NET type holds it (values built in code hold long or int).</summary>
    public static double ToDouble(JsonNode? number) =>
        number is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    /// <summary>A JSON number as a long (fractions dropped), 0 when absent.</summary>
    public static long ToLong(JsonNode? number) => (long)ToDouble(number);

    /// <summary>Deep equality of two JSON values, numbers by value (Go's DeepEqual of decoded values, int64 vs float64 apart).</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        if (left is JsonValue l && right is JsonValue r && l.GetValueKind() == JsonValueKind.Number && r.GetValueKind() == JsonValueKind.Number)
        {
            return IsInteger(l) == IsInteger(r) && ToDouble(l) == ToDouble(r);
        }

        return JsonNode.DeepEquals(left, right);
    }
}
