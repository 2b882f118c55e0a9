using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary>
/// One field-level validation error, printed as apimachinery's <c>field.Error</c> prints it: <c>Error()</c> is
/// <c>"&lt;field&gt;: &lt;body&gt;"</c>, the body is the type's phrase, the bad value (strings quoted as Go's <c>%q</c>,
/// numbers and booleans plain, anything else as JSON) and the detail.
/// </summary>
public sealed record FieldError(FieldErrorType Type, string Field, JsonNode? BadValue, string Detail, bool OmitValue = false)
{
    public static FieldError Required(string field, string detail = "") => new(FieldErrorType.Required, field, "", detail);

    public static FieldError Invalid(string field, JsonNode? value, string detail) => new(FieldErrorType.Invalid, field, value?.DeepClone(), detail);

    public static FieldError TypeInvalid(string field, JsonNode? value, string detail) => new(FieldErrorType.TypeInvalid, field, value?.DeepClone(), detail);

    public static FieldError Forbidden(string field, string detail) => new(FieldErrorType.Forbidden, field, "", detail);

    public static FieldError Duplicate(string field, JsonNode? value) => new(FieldErrorType.Duplicate, field, value?.DeepClone(), "");

    public static FieldError NotFound(string field, JsonNode? value) => new(FieldErrorType.NotFound, field, value?.DeepClone(), "");

    public static FieldError Internal(string field, string detail) => new(FieldErrorType.Internal, field, null, detail);

    /// <summary><c>field.NotSupported</c>: the detail lists the supported values, each quoted.</summary>
    public static FieldError NotSupported(string field, JsonNode? value, IEnumerable<string> supported)
    {
        var quoted = supported.Select(GoQuote).ToList();
        return new(FieldErrorType.NotSupported, field, value?.DeepClone(), quoted.Count == 0 ? "" : "supported values: " + string.Join(", ", quoted));
    }

    /// <summary><c>field.TooLong</c>: the value is never shown.</summary>
    public static FieldError TooLong(string field, int maxLength) =>
        new(FieldErrorType.TooLong, field, "<value omitted>", maxLength >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"may not be more than {maxLength} {(maxLength == 1 ? "byte" : "bytes")}")
            : "value is too long");

    /// <summary><c>field.TooMany</c>: the value is the actual count.</summary>
    public static FieldError TooMany(string field, int actual, int max) =>
        new(FieldErrorType.TooMany, field, actual, max >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"must have at most {max} {(max == 1 ? "item" : "items")}")
            : "has too many items");

    /// <summary>The cause reason on the wire (<c>FieldValueInvalid</c> …).</summary>
    public string Reason => Type switch
    {
        FieldErrorType.NotFound => "FieldValueNotFound",
        FieldErrorType.Required => "FieldValueRequired",
        FieldErrorType.Duplicate => "FieldValueDuplicate",
        FieldErrorType.Invalid => "FieldValueInvalid",
        FieldErrorType.NotSupported => "FieldValueNotSupported",
        FieldErrorType.Forbidden => "FieldValueForbidden",
        FieldErrorType.TooLong => "FieldValueTooLong",
        FieldErrorType.TooMany => "FieldValueTooMany",
        FieldErrorType.TooShort => "FieldValueTooShort",
        FieldErrorType.Internal => "InternalError",
        FieldErrorType.TypeInvalid => "FieldValueTypeInvalid",
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, null),
    };

    private string Phrase => Type switch
    {
        FieldErrorType.NotFound => "Not found",
        FieldErrorType.Required => "Required value",
        FieldErrorType.Duplicate => "Duplicate value",
        FieldErrorType.Invalid or FieldErrorType.TypeInvalid => "Invalid value",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.Forbidden => "Forbidden",
        FieldErrorType.TooLong => "Too long",
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.TooShort => "Too short",
        FieldErrorType.Internal => "Internal error",
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, null),
    };

    /// <summary>The message without the field name (<c>ErrorBody()</c>), which is a cause's <c>message</c>.</summary>
    public string Body()
    {
        var body = Type is FieldErrorType.Required or FieldErrorType.Forbidden or FieldErrorType.TooLong
            or FieldErrorType.TooShort or FieldErrorType.Internal || OmitValue
            ? Phrase
            : Phrase + ": " + FormatValue(BadValue);
        return Detail.Length == 0 ? body : body + ": " + Detail;
    }

    public override string ToString() => Field + ": " + Body();

    /// <summary>Formats a bad value as Go's <c>%q</c>/<c>%v</c>/<c>json.Marshal</c> would for that value.</summary>
    public static string FormatValue(JsonNode? value)
    {
        if (value is JsonValue scalar)
        {
            if (scalar.GetValueKind() == JsonValueKind.String)
            {
                return GoQuote(scalar.GetValue<string>());
            }

            return scalar.ToJsonString();
        }

        return value is null ? "null" : value.ToJsonString(GoJson.Options);
    }

    /// <summary>Go's <c>strconv.Quote</c> for the printable text these messages carry.</summary>
    public static string GoQuote(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when c < ' ' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
