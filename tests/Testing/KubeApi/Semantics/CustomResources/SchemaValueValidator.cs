using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.CustomResources;

/// <summary>
/// Validates a value against an OpenAPI v3 schema as kube-openapi's validator does for apiextensions
/// (<c>pkg/apiserver/validation.ValidateCustomResource</c>), with its messages and field paths:
/// <c>spec.x: Invalid value: "integer": spec.x in body must be of type string: "integer"</c>,
/// <c>spec.mode: Unsupported value: "X": supported values: "Off", …</c>, <c>spec.x: Required value</c>.
/// Per value the checks run in kube-openapi's order: type, anyOf/allOf/oneOf/not, string, format, number, array,
/// enum, object. Properties are visited in name order (the real server walks a Go map, in no fixed order).
/// </summary>
public static class SchemaValueValidator
{
    /// <summary>The errors of <paramref name="value"/>; field paths start with <paramref name="fieldPrefix"/> (empty for a custom resource).</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject schema, JsonNode? value, string fieldPrefix = "")
    {
        var errors = new List<FieldError>();
        ValidateValue(schema, value, "", fieldPrefix, errors);
        return errors;
    }

    private static void ValidateValue(JsonObject schema, JsonNode? value, string name, string prefix, List<FieldError> errors)
    {
        ValidateType(schema, value, name, prefix, errors);
        if (value is null)
        {
            ValidateEnum(schema, value, name, prefix, errors);
            return;
        }

        ValidateComposition(schema, value, name, prefix, errors);
        var type = JsonTypes.Of(value);
        if (type == "string")
        {
            ValidateString(schema, value.GetValue<string>(), name, prefix, errors);
        }

        if (type is "integer" or "number")
        {
            ValidateNumber(schema, (JsonValue)value, name, prefix, errors);
        }

        if (value is JsonArray array)
        {
            ValidateArray(schema, array, name, prefix, errors);
        }

        ValidateEnum(schema, value, name, prefix, errors);
        if (value is JsonObject obj)
        {
            ValidateObject(schema, obj, name, prefix, errors);
        }
    }

    /// <summary>The schema's types as kube-openapi has them: x-kubernetes-int-or-string means <c>integer,string</c>.</summary>
    private static IReadOnlyList<string> Types(JsonObject schema)
    {
        if (schema["x-kubernetes-int-or-string"]?.GetValueKind() == JsonValueKind.True)
        {
            return ["integer", "string"];
        }

        return schema["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? [t.GetValue<string>()] : [];
    }

    private static void ValidateType(JsonObject schema, JsonNode? value, string name, string prefix, List<FieldError> errors)
    {
        var types = Types(schema);
        if (types.Count == 0)
        {
            return;
        }

        var actual = JsonTypes.Of(value);
        if (value is null)
        {
            if (!types.Contains("null") && schema["nullable"]?.GetValueKind() != JsonValueKind.True)
            {
                errors.Add(TypeError(name, prefix, string.Join(",", types), "null"));
            }

            return;
        }

        var floatIsInt = actual == "number" && types.Contains("integer") && IsWhole(JsonTypes.ToDouble(value));
        var intIsFloat = actual == "integer" && types.Contains("number");
        if (!(types.Contains(actual) || floatIsInt || intIsFloat))
        {
            errors.Add(TypeError(name, prefix, string.Join(",", types), actual));
        }
    }

    private static bool IsWhole(double value) => Math.Floor(value) == value && !double.IsInfinity(value);

    private static FieldError TypeError(string name, string prefix, string expected, string actual) =>
        FieldError.TypeInvalid(ErrorPath(name, prefix), actual, $"{name} in body must be of type {expected}: {FieldError.GoQuote(actual)}");

    private static void ValidateComposition(JsonObject schema, JsonNode value, string name, string prefix, List<FieldError> errors)
    {
        if (schema["anyOf"] is JsonArray anyOf && anyOf.Count > 0)
        {
            List<FieldError>? best = null;
            var succeeded = false;
            foreach (var alternative in anyOf.OfType<JsonObject>())
            {
                var result = new List<FieldError>();
                ValidateValue(alternative, value, name, prefix, result);
                if (result.Count == 0)
                {
                    succeeded = true;
                    break;
                }

                best ??= result;
            }

            if (!succeeded)
            {
                errors.Add(Composite(prefix, $"{FieldError.GoQuote(name)} must validate at least one schema (anyOf)"));
                errors.AddRange(best ?? []);
            }
        }

        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count > 0)
        {
            var valid = 0;
            List<FieldError>? best = null;
            foreach (var alternative in oneOf.OfType<JsonObject>())
            {
                var result = new List<FieldError>();
                ValidateValue(alternative, value, name, prefix, result);
                if (result.Count == 0)
                {
                    valid++;
                }
                else if (valid == 0)
                {
                    best ??= result;
                }
            }

            if (valid != 1)
            {
                var detail = valid == 0 ? "Found none valid" : string.Create(CultureInfo.InvariantCulture, $"Found {valid} valid alternatives");
                errors.Add(Composite(prefix, $"{FieldError.GoQuote(name)} must validate one and only one schema (oneOf). {detail}"));
                if (valid == 0)
                {
                    errors.AddRange(best ?? []);
                }
            }
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            var failures = new List<FieldError>();
            foreach (var part in allOf.OfType<JsonObject>())
            {
                ValidateValue(part, value, name, prefix, failures);
            }

            if (failures.Count > 0)
            {
                errors.Add(Composite(prefix, $"{FieldError.GoQuote(name)} must validate all the schemas (allOf)"));
                errors.AddRange(failures);
            }
        }

        if (schema["not"] is JsonObject not)
        {
            var result = new List<FieldError>();
            ValidateValue(not, value, name, prefix, result);
            if (result.Count == 0)
            {
                errors.Add(Composite(prefix, $"{FieldError.GoQuote(name)} must not validate the schema (not)"));
            }
        }
    }

    /// <summary>A composite (non-field) error: the server reports it at the validation root, <c>&lt;nil&gt;</c> for a custom resource.</summary>
    private static FieldError Composite(string prefix, string message) =>
        FieldError.Invalid(prefix.Length == 0 ? "<nil>" : prefix, "", message);

    private static void ValidateString(JsonObject schema, string text, string name, string prefix, List<FieldError> errors)
    {
        // kube-openapi counts runes (utf8.RuneCountInString), not UTF-16 units.
        var length = text.EnumerateRunes().Count();
        if (schema["maxLength"] is JsonValue max && length > JsonTypes.ToLong(max))
        {
            errors.Add(FieldError.TooLong(ErrorPath(name, prefix), (int)JsonTypes.ToLong(max)));
        }

        if (schema["minLength"] is JsonValue min && length < JsonTypes.ToLong(min))
        {
            errors.Add(FieldError.Invalid(ErrorPath(name, prefix), text,
                string.Create(CultureInfo.InvariantCulture, $"{name} in body should be at least {JsonTypes.ToLong(min)} chars long")));
        }

        if (schema["pattern"] is JsonValue pattern && !Regex.IsMatch(text, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add(FieldError.Invalid(ErrorPath(name, prefix), text, $"{name} in body should match '{pattern.GetValue<string>()}'"));
        }

        if (schema["format"]?.GetValue<string>() == "date-time" && !IsDateTime(text))
        {
            errors.Add(FieldError.TypeInvalid(ErrorPath(name, prefix), text, $"{name} in body must be of type date-time: {FieldError.GoQuote(text)}"));
        }
    }

    private static bool IsDateTime(string text) =>
        DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static void ValidateNumber(JsonObject schema, JsonValue number, string name, string prefix, List<FieldError> errors)
    {
        var value = JsonTypes.ToDouble(number);
        if (schema["multipleOf"] is JsonValue factor && JsonTypes.ToDouble(factor) > 0 && !IsWhole(value / JsonTypes.ToDouble(factor)))
        {
            errors.Add(FieldError.Invalid(ErrorPath(name, prefix), number, $"{name} in body should be a multiple of {Number(factor)}"));
        }

        if (schema["maximum"] is JsonValue maximum)
        {
            var exclusive = schema["exclusiveMaximum"]?.GetValueKind() == JsonValueKind.True;
            if (exclusive ? value >= JsonTypes.ToDouble(maximum) : value > JsonTypes.ToDouble(maximum))
            {
                errors.Add(FieldError.Invalid(ErrorPath(name, prefix), number,
                    $"{name} in body should be less than {(exclusive ? "" : "or equal to ")}{Number(maximum)}"));
            }
        }

        if (schema["minimum"] is JsonValue minimum)
        {
            var exclusive = schema["exclusiveMinimum"]?.GetValueKind() == JsonValueKind.True;
            if (exclusive ? value <= JsonTypes.ToDouble(minimum) : value < JsonTypes.ToDouble(minimum))
            {
                errors.Add(FieldError.Invalid(ErrorPath(name, prefix), number,
                    $"{name} in body should be greater than {(exclusive ? "" : "or equal to ")}{Number(minimum)}"));
            }
        }
    }

    /// <summary>A bound as the message prints it: <c>%v</c> of the float64 the schema holds.</summary>
    private static string Number(JsonValue bound) => GoFormat.Float(JsonTypes.ToDouble(bound));

    private static void ValidateArray(JsonObject schema, JsonArray array, string name, string prefix, List<FieldError> errors)
    {
        if (schema["maxItems"] is JsonValue max && array.Count > JsonTypes.ToLong(max))
        {
            errors.Add(FieldError.TooMany(ErrorPath(name, prefix), array.Count, (int)JsonTypes.ToLong(max)));
        }

        if (schema["minItems"] is JsonValue min && array.Count < JsonTypes.ToLong(min))
        {
            errors.Add(FieldError.Invalid(ErrorPath(name, prefix), array.Count,
                string.Create(CultureInfo.InvariantCulture, $"{name} in body should have at least {JsonTypes.ToLong(min)} items")));
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                ValidateValue(items, array[i], string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"), prefix, errors);
            }
        }
    }

    private static void ValidateEnum(JsonObject schema, JsonNode? value, string name, string prefix, List<FieldError> errors)
    {
        if (schema["enum"] is not JsonArray allowed || allowed.Count == 0 || allowed.Any(a => JsonTypes.DeepEquals(a, value)))
        {
            return;
        }

        var supported = allowed.Select(a => a is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : a?.ToJsonString(GoJson.Options) ?? "null");
        errors.Add(FieldError.NotSupported(ErrorPath(name, prefix), value, supported));
    }

    private static void ValidateObject(JsonObject schema, JsonObject obj, string name, string prefix, List<FieldError> errors)
    {
        if (schema["maxProperties"] is JsonValue max && obj.Count > JsonTypes.ToLong(max))
        {
            errors.Add(FieldError.TooMany(ErrorPath(name, prefix), obj.Count, (int)JsonTypes.ToLong(max)));
        }

        if (schema["minProperties"] is JsonValue min && obj.Count < JsonTypes.ToLong(min))
        {
            errors.Add(FieldError.Invalid(ErrorPath(name, prefix), obj.Count,
                string.Create(CultureInfo.InvariantCulture, $"{name} in body should have at least {JsonTypes.ToLong(min)} properties")));
        }

        var properties = schema["properties"] as JsonObject;
        if (schema["additionalProperties"] is JsonObject additional)
        {
            foreach (var (key, item) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (properties?.ContainsKey(key) != true)
                {
                    ValidateValue(additional, item, Join(name, key), prefix, errors);
                }
            }
        }

        if (properties is not null)
        {
            foreach (var (key, propertySchema) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (propertySchema is JsonObject ps && obj.TryGetPropertyValue(key, out var item))
                {
                    ValidateValue(ps, item, Join(name, key), prefix, errors);
                }
            }
        }

        if (schema["required"] is JsonArray required)
        {
            foreach (var key in required.Select(r => r?.GetValue<string>() ?? ""))
            {
                if (!obj.ContainsKey(key))
                {
                    errors.Add(FieldError.Required(ErrorPath(name + "." + key, prefix)));
                }
            }
        }
    }

    private static string Join(string name, string key) => name.Length == 0 ? key : name + "." + key;

    /// <summary>apiextensions turns a kube-openapi name into a field path: the leading dot dropped, under the prefix; an empty name is the prefix itself.</summary>
    private static string ErrorPath(string name, string prefix)
    {
        var trimmed = name.StartsWith('.') ? name[1..] : name;
        if (trimmed.Length == 0)
        {
            return prefix.Length == 0 ? "<nil>" : prefix;
        }

        return prefix.Length == 0 ? trimmed : prefix + "." + trimmed;
    }
}
