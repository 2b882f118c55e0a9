using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RightSizer.Recommender.Policy;

/// <summary>
/// Finds every field of a document that its type does not have, by walking the JSON beside the type's
/// <see cref="JsonPropertyNameAttribute"/> properties: the serializer stops at the first, and a user fixing typos one
/// run at a time deserves the whole list.
/// </summary>
internal static class UnknownFields
{
    /// <summary>The JSON paths (<c>$.spec.recomendation</c>) of fields <paramref name="type"/> does not define, in document order.</summary>
    public static IReadOnlyList<string> Find(JsonNode? node, Type type)
    {
        var found = new List<string>();
        Walk(node, type, "$", found);
        return found;
    }

    private static void Walk(JsonNode? node, Type type, string path, List<string> found)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        switch (node)
        {
            case JsonObject json when DictionaryValueType(type) is { } valueType:
                foreach (var (key, value) in json)
                {
                    Walk(value, valueType, $"{path}.{key}", found);
                }

                break;
            case JsonObject json when IsObjectType(type):
                var properties = Properties(type);
                foreach (var (key, value) in json)
                {
                    if (properties.TryGetValue(key, out var property))
                    {
                        Walk(value, property.PropertyType, $"{path}.{key}", found);
                    }
                    else
                    {
                        found.Add($"{path}.{key}");
                    }
                }

                break;
            case JsonArray array when ElementType(type) is { } elementType:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], elementType, $"{path}[{i}]", found);
                }

                break;
        }
    }

    private static bool IsObjectType(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(object) && !typeof(IEnumerable).IsAssignableFrom(type) && !typeof(JsonNode).IsAssignableFrom(type);

    private static Dictionary<string, PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, StringComparer.Ordinal);

    private static Type? DictionaryValueType(Type type) =>
        Generic(type, typeof(IDictionary<,>)) is { } dictionary && dictionary.GetGenericArguments()[0] == typeof(string)
            ? dictionary.GetGenericArguments()[1]
            : null;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : Generic(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}
