using System.Text.Json;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Crds;

/// <summary>
/// The per-node OpenAPI rules of apiextensions' <c>ValidateCustomResourceDefinitionOpenAPISchema</c>: supported types,
/// the unsupported JSON-schema keywords, no defaults in top-level metadata/kind/apiVersion, uniqueItems,
/// additionalProperties beside properties, <c>x-kubernetes-preserve-unknown-fields: false</c>, and the
/// x-kubernetes-list-type / map-type / list-map-keys combinations.
/// </summary>
internal static class OpenApiSchemaRules
{
    private static readonly string[] OpenApiV3Types = ["array", "boolean", "integer", "number", "object", "string"];
    private static readonly HashSet<string> MetaFields = new(StringComparer.Ordinal) { "metadata", "kind", "apiVersion" };

    public static List<FieldError> Validate(string path, JsonObject schema)
    {
        var errors = new List<FieldError>();
        Node(schema, path, isRoot: true, forbiddenDefaultsReason: null, errors);
        return errors;
    }

    private static void Node(JsonObject s, string path, bool isRoot, string? forbiddenDefaultsReason, List<FieldError> errors)
    {
        var type = s["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : "";
        if (type.Length > 0 && !OpenApiV3Types.Contains(type) && type != "null")
        {
            errors.Add(FieldError.NotSupported(path.Child("type"), type, OpenApiV3Types));
        }

        if (s["default"] is not null && forbiddenDefaultsReason is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child("default"), "must not be set " + forbiddenDefaultsReason));
        }

        foreach (var (keyword, message) in new[]
        {
            ("id", "id is not supported"), ("additionalItems", "additionalItems is not supported"),
            ("patternProperties", "patternProperties is not supported"), ("definitions", "definitions is not supported"),
            ("dependencies", "dependencies is not supported"), ("$ref", "$ref is not supported"),
        })
        {
            if (s[keyword] is not null)
            {
                errors.Add(FieldError.Forbidden(path.Child(keyword), message));
            }
        }

        if (type == "null")
        {
            errors.Add(FieldError.Forbidden(path.Child("type"), "type cannot be set to null, use nullable as an alternative"));
        }

        if (s["items"] is JsonArray)
        {
            errors.Add(FieldError.Forbidden(path.Child("items"), "items must be a schema object and not an array"));
        }

        if (s["uniqueItems"]?.GetValueKind() == JsonValueKind.True)
        {
            errors.Add(FieldError.Forbidden(path.Child("uniqueItems"), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }

        var properties = s["properties"] as JsonObject;
        if (s["additionalProperties"] is { } additional)
        {
            if (properties is { Count: > 0 } && (additional is JsonObject || additional.GetValueKind() == JsonValueKind.False))
            {
                errors.Add(FieldError.Forbidden(path.Child("additionalProperties"), "additionalProperties and properties are mutual exclusive"));
            }

            if (additional is JsonObject additionalSchema)
            {
                Node(additionalSchema, path.Child("additionalProperties"), false, null, errors);
            }
        }

        foreach (var (key, property) in properties ?? [])
        {
            if (property is JsonObject p)
            {
                var reason = isRoot && MetaFields.Contains(key) ? "in top-level " + key : forbiddenDefaultsReason;
                Node(p, path.Child("properties").Key(key), false, reason, errors);
            }
        }

        foreach (var junctor in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (s[junctor] is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonObject part)
                    {
                        Node(part, path.Child(junctor).Index(i), false, forbiddenDefaultsReason, errors);
                    }
                }
            }
        }

        if (s["not"] is JsonObject not)
        {
            Node(not, path.Child("not"), false, forbiddenDefaultsReason, errors);
        }

        if (s["items"] is JsonObject items)
        {
            Node(items, path.Child("items"), false, forbiddenDefaultsReason, errors);
        }

        Extensions(s, type, path, errors);
    }

    private static void Extensions(JsonObject s, string type, string path, List<FieldError> errors)
    {
        if (s["x-kubernetes-preserve-unknown-fields"]?.GetValueKind() == JsonValueKind.False)
        {
            errors.Add(FieldError.Invalid(path.Child("x-kubernetes-preserve-unknown-fields"), false, "must be true or undefined"));
        }

        if (s["x-kubernetes-map-type"] is JsonValue mapType)
        {
            if (type != "object")
            {
                errors.Add(type.Length == 0
                    ? FieldError.Required(path.Child("type"), "must be object if x-kubernetes-map-type is specified")
                    : FieldError.Invalid(path.Child("type"), type, "must be object if x-kubernetes-map-type is specified"));
            }

            if (mapType.GetValue<string>() is not ("atomic" or "granular"))
            {
                errors.Add(FieldError.NotSupported(path.Child("x-kubernetes-map-type"), mapType.GetValue<string>(), ["atomic", "granular"]));
            }
        }

        var listType = s["x-kubernetes-list-type"]?.GetValue<string>();
        if (listType is not null)
        {
            if (type != "array")
            {
                errors.Add(type.Length == 0
                    ? FieldError.Required(path.Child("type"), "must be array if x-kubernetes-list-type is specified")
                    : FieldError.Invalid(path.Child("type"), type, "must be array if x-kubernetes-list-type is specified"));
            }

            if (listType is not ("atomic" or "set" or "map"))
            {
                errors.Add(FieldError.NotSupported(path.Child("x-kubernetes-list-type"), listType, ["atomic", "set", "map"]));
            }
        }

        var mapKeys = s["x-kubernetes-list-map-keys"] as JsonArray;
        if (mapKeys is { Count: > 0 } && listType != "map")
        {
            errors.Add(listType is null
                ? FieldError.Required(path.Child("x-kubernetes-list-type"), "must be map if x-kubernetes-list-map-keys is non-empty")
                : FieldError.Invalid(path.Child("x-kubernetes-list-type"), listType, "must be map if x-kubernetes-list-map-keys is non-empty"));
        }

        if (listType != "map")
        {
            return;
        }

        if (mapKeys is not { Count: > 0 })
        {
            errors.Add(FieldError.Required(path.Child("x-kubernetes-list-map-keys"), "must not be empty if x-kubernetes-list-type is map"));
        }

        if (s["items"] is not JsonObject items)
        {
            errors.Add(FieldError.Required(path.Child("items"), "must have a schema if x-kubernetes-list-type is map"));
            return;
        }

        var itemType = items["type"]?.GetValue<string>() ?? "";
        if (itemType != "object")
        {
            errors.Add(FieldError.Invalid(path.Child("items").Child("type"), itemType, "must be object if parent array's x-kubernetes-list-type is map"));
            return;
        }

        var keys = mapKeys?.Select(k => k?.GetValue<string>() ?? "").ToList() ?? [];
        var itemProperties = items["properties"] as JsonObject;
        foreach (var key in keys)
        {
            if (itemProperties?[key] is JsonObject keySchema && (keySchema["type"]?.GetValue<string>() ?? "") is not ("string" or "integer" or "number" or "boolean"))
            {
                errors.Add(FieldError.Invalid(path.Child("items").Child("properties").Key(key).Child("type"), keySchema["type"]?.DeepClone() ?? "", "must be a scalar type if parent array's x-kubernetes-list-type is map"));
            }
        }

        if (keys.Any(k => itemProperties?.ContainsKey(k) != true))
        {
            errors.Add(FieldError.Invalid(path.Child("x-kubernetes-list-map-keys"), mapKeys!.DeepClone(), "entries must all be names of item properties"));
        }

        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            errors.Add(FieldError.Invalid(path.Child("x-kubernetes-list-map-keys"), mapKeys!.DeepClone(), "must not contain duplicate entries"));
        }

        var required = (items["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var key in keys)
        {
            if (itemProperties?[key] is JsonObject keySchema && keySchema["default"] is null && !required.Contains(key))
            {
                errors.Add(FieldError.Required(path.Child("items").Child("properties").Key(key).Child("default"), "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
            }
        }
    }
}
