using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;
using RightSizer.Api.Schema;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Crd;

/// <summary>
/// Builds a structural OpenAPI v3 schema from the API's C# types: JSON names from [JsonPropertyName], descriptions
/// from [Description], enums from the C# enums, and ranges, patterns, defaults and list semantics from the attributes
/// in <see cref="Api.Schema"/>. Pure reflection; keys come out sorted so the output is stable.
/// </summary>
public static class CrdSchemaBuilder
{
    public static SortedDictionary<string, object> ForType(Type type, string description)
    {
        var schema = ObjectSchema(type);
        schema["description"] = description;
        return schema;
    }

    private static SortedDictionary<string, object> ObjectSchema(Type type)
    {
        var properties = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var required = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            properties[name] = PropertySchema(property, name, type);
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                required.Add(name);
            }
        }

        var schema = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["type"] = "object",
            ["properties"] = properties,
        };
        if (required.Count > 0)
        {
            schema["required"] = required.Order(StringComparer.Ordinal).ToList();
        }

        return schema;
    }

    private static SortedDictionary<string, object> PropertySchema(PropertyInfo property, string name, Type owner)
    {
        var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? throw new InvalidOperationException($"{owner.Name}.{property.Name} ({name}) has no [Description]: every CRD field must explain itself.");

        SortedDictionary<string, object> schema;
        if (property.GetCustomAttribute<QuantityAttribute>() is not null)
        {
            schema = IntOrString();
            schema["pattern"] = Memory.QuantityPattern;
        }
        else if (property.GetCustomAttribute<IntOrStringAttribute>() is not null)
        {
            schema = IntOrString();
        }
        else
        {
            schema = TypeSchema(property.PropertyType, property);
        }

        // apiextensions refuses anything but the type on the root metadata schema, a description included.
        if (property.PropertyType != typeof(V1ObjectMeta))
        {
            schema["description"] = description;
        }

        if (property.GetCustomAttribute<DurationAttribute>() is not null)
        {
            schema["pattern"] = PromDuration.Pattern;
        }

        if (property.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            schema["pattern"] = pattern.Pattern;
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            AddRange(schema, range);
        }

        if (property.GetCustomAttribute<SchemaDefaultAttribute>() is { } defaultValue)
        {
            // An int-or-string default written as digits is the integer: maxUnavailable "1" would be a string the
            // API server's intstr reads as a malformed percentage.
            schema["default"] = defaultValue.Value switch
            {
                Enum e => e.ToString(),
                string text when schema.ContainsKey("x-kubernetes-int-or-string")
                    && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
                var other => other,
            };
        }

        if (property.GetCustomAttribute<ListMapKeyAttribute>() is { } mapKey)
        {
            schema["x-kubernetes-list-type"] = "map";
            schema["x-kubernetes-list-map-keys"] = new List<string> { mapKey.Key };
        }

        return schema;
    }

    private static SortedDictionary<string, object> TypeSchema(Type type, PropertyInfo? property)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(V1ObjectMeta))
        {
            return new(StringComparer.Ordinal) { ["type"] = "object" };
        }

        if (type.IsEnum)
        {
            return new(StringComparer.Ordinal) { ["type"] = "string", ["enum"] = Enum.GetNames(type).ToList() };
        }

        if (type == typeof(string))
        {
            return new(StringComparer.Ordinal) { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new(StringComparer.Ordinal) { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new(StringComparer.Ordinal) { ["type"] = "integer", ["format"] = type == typeof(int) ? "int32" : "int64" };
        }

        if (type == typeof(double))
        {
            return new(StringComparer.Ordinal) { ["type"] = "number" };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new(StringComparer.Ordinal) { ["type"] = "string", ["format"] = "date-time" };
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            return new(StringComparer.Ordinal) { ["type"] = "object", ["additionalProperties"] = TypeSchema(valueType, null) };
        }

        if (ListItemType(type) is { } itemType)
        {
            var items = itemType.IsClass && itemType != typeof(string) ? ObjectSchema(itemType) : TypeSchema(itemType, null);
            return new(StringComparer.Ordinal) { ["type"] = "array", ["items"] = items };
        }

        if (type.IsClass)
        {
            return ObjectSchema(type);
        }

        throw new InvalidOperationException($"No schema mapping for {type} ({property?.DeclaringType?.Name}.{property?.Name}).");
    }

    private static SortedDictionary<string, object> IntOrString() => new(StringComparer.Ordinal)
    {
        ["anyOf"] = new List<object>
        {
            new SortedDictionary<string, object>(StringComparer.Ordinal) { ["type"] = "integer" },
            new SortedDictionary<string, object>(StringComparer.Ordinal) { ["type"] = "string" },
        },
        ["x-kubernetes-int-or-string"] = true,
    };

    private static void AddRange(SortedDictionary<string, object> schema, RangeAttribute range)
    {
        var integer = schema.TryGetValue("type", out var t) && (string)t == "integer";
        schema["minimum"] = integer ? (object)(long)range.Minimum : range.Minimum;
        if (range.ExclusiveMinimum)
        {
            schema["exclusiveMinimum"] = true;
        }

        // int.MaxValue stands for "no upper bound" in the attributes.
        if (range.Maximum < int.MaxValue)
        {
            schema["maximum"] = integer ? (object)(long)range.Maximum : range.Maximum;
            if (range.ExclusiveMaximum)
            {
                schema["exclusiveMaximum"] = true;
            }
        }
    }

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string)
        && typeof(IDictionary<,>).MakeGenericType(key, value).IsAssignableFrom(type.IsInterface ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)) ?? type)
            ? value
            : null;

    private static Type? ListItemType(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
            ? type.GetGenericArguments()[0]
            : null;
}
