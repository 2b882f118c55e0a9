using System.Text.Json;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Crds;

/// <summary>
/// The structural-schema rules of apiextensions (<c>pkg/apiserver/schema/validation.go</c>, <c>complete.go</c>): a type
/// everywhere, items for arrays, no additionalProperties at the root, <c>metadata</c> at the root holding nothing
/// but name/generateName, kind and apiVersion strings, the extension combinations, and inside
/// anyOf/allOf/oneOf/not no types, defaults, descriptions, titles, nullable, extensions or metadata, and nothing
/// there that the structural part does not specify. Errors come sorted by their text, as the real ones do.
/// </summary>
internal static class StructuralSchemaRules
{
    private static readonly JsonObject IntegerOnly = new() { ["type"] = "integer" };
    private static readonly JsonObject StringOnly = new() { ["type"] = "string" };

    public static List<FieldError> Validate(string path, JsonObject schema)
    {
        var errors = new List<FieldError>();
        Invariants(schema, SchemaLevel.Root, path, errors);
        Completeness(schema, schema, path, path, errors);
        errors.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
        return errors;
    }

    private static void Invariants(JsonObject s, SchemaLevel level, string path, List<FieldError> errors)
    {
        var type = s["type"]?.GetValue<string>() ?? "";
        var items = s["items"] as JsonObject;
        if (type == "array" && items is null)
        {
            errors.Add(FieldError.Required(path.Child("items"), "must be specified"));
        }

        if (items is not null)
        {
            Invariants(items, SchemaLevel.Item, path.Child("items"), errors);
        }

        var properties = s["properties"] as JsonObject;
        foreach (var (key, property) in properties ?? [])
        {
            if (property is JsonObject p)
            {
                Invariants(p, SchemaLevel.Field, path.Child("properties").Key(key), errors);
            }
        }

        if (s["additionalProperties"] is { } additional)
        {
            if (level == SchemaLevel.Root)
            {
                errors.Add(FieldError.Forbidden(path.Child("additionalProperties"), "must not be used at the root"));
            }

            if (additional is JsonObject additionalSchema)
            {
                Invariants(additionalSchema, SchemaLevel.Field, path.Child("additionalProperties"), errors);
            }
        }

        var intOrString = IsTrue(s, "x-kubernetes-int-or-string");
        var preserve = IsTrue(s, "x-kubernetes-preserve-unknown-fields");
        var embedded = IsTrue(s, "x-kubernetes-embedded-resource");
        if (intOrString && preserve)
        {
            errors.Add(FieldError.Invalid(path.Child("x-kubernetes-preserve-unknown-fields"), true, "must be false if x-kubernetes-int-or-string is true"));
        }

        if (intOrString && embedded)
        {
            errors.Add(FieldError.Invalid(path.Child("x-kubernetes-embedded-resource"), true, "must be false if x-kubernetes-int-or-string is true"));
        }

        ValueValidation(s, IsIntOrStringAnyOf(s), IsIntOrStringAllOf(s), path, errors);

        if (embedded && type != "object")
        {
            errors.Add(type.Length == 0
                ? FieldError.Required(path.Child("type"), "must be object if x-kubernetes-embedded-resource is true")
                : FieldError.Invalid(path.Child("type"), type, "must be object if x-kubernetes-embedded-resource is true"));
        }
        else if (type.Length == 0 && !intOrString && !preserve)
        {
            errors.Add(FieldError.Required(path.Child("type"), level switch
            {
                SchemaLevel.Root => "must not be empty at the root",
                SchemaLevel.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            }));
        }

        if (embedded && s["additionalProperties"] is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child("additionalProperties"), "must not be used if x-kubernetes-embedded-resource is set"));
        }

        if (level == SchemaLevel.Root && type.Length > 0 && type != "object")
        {
            errors.Add(FieldError.Invalid(path.Child("type"), type, "must be object at the root"));
        }

        var checkMetadata = level == SchemaLevel.Root || embedded;
        foreach (var name in new[] { "kind", "apiVersion" })
        {
            if (checkMetadata && properties?[name] is JsonObject meta && (meta["type"]?.GetValue<string>() ?? "") != "string")
            {
                errors.Add(FieldError.Invalid(path.Child("properties").Key(name).Child("type"), meta["type"]?.GetValue<string>() ?? "", "must be string"));
            }
        }

        if (properties?["metadata"] is JsonObject metadata)
        {
            MetadataInvariants(metadata, checkMetadata, level, path.Child("properties").Key("metadata"), errors);
        }

        if (embedded && !preserve && (properties is null || properties.Count == 0))
        {
            errors.Add(FieldError.Required(path.Child("properties"), "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }
    }

    /// <summary>At the root, metadata may carry its type, a default (checked elsewhere) and name/generateName properties only.</summary>
    private static void MetadataInvariants(JsonObject metadata, bool checkMetadata, SchemaLevel level, string path, List<FieldError> errors)
    {
        var type = metadata["type"]?.GetValue<string>() ?? "";
        if (checkMetadata && type != "object")
        {
            errors.Add(FieldError.Invalid(path.Child("type"), type, "must be object"));
        }

        if (level != SchemaLevel.Root)
        {
            return;
        }

        var rest = (JsonObject)metadata.DeepClone();
        rest.Remove("type");
        rest.Remove("default");
        if (rest["properties"] is JsonObject properties && properties.Count is 1 or 2
            && properties.All(p => p.Key is "name" or "generateName"))
        {
            rest.Remove("properties");
        }

        if (rest.Count > 0)
        {
            errors.Add(FieldError.Forbidden(path, "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }
    }

    private static void ValueValidation(JsonObject v, bool skipAnyOf, bool skipFirstAllOfAnyOf, string path, List<FieldError> errors)
    {
        if (!skipAnyOf && v["anyOf"] is JsonArray anyOf)
        {
            for (var i = 0; i < anyOf.Count; i++)
            {
                Nested(anyOf[i] as JsonObject, false, path.Child("anyOf").Index(i), errors);
            }
        }

        if (v["allOf"] is JsonArray allOf)
        {
            for (var i = 0; i < allOf.Count; i++)
            {
                Nested(allOf[i] as JsonObject, skipFirstAllOfAnyOf && i == 0, path.Child("allOf").Index(i), errors);
            }
        }

        if (v["oneOf"] is JsonArray oneOf)
        {
            for (var i = 0; i < oneOf.Count; i++)
            {
                Nested(oneOf[i] as JsonObject, false, path.Child("oneOf").Index(i), errors);
            }
        }

        Nested(v["not"] as JsonObject, false, path.Child("not"), errors);

        if (v["pattern"] is JsonValue pattern && !IsValidPattern(pattern.GetValue<string>(), out var reason))
        {
            errors.Add(FieldError.Invalid(path.Child("pattern"), pattern.GetValue<string>(), "must be a valid regular expression, but isn't: " + reason));
        }
    }

    private static bool IsValidPattern(string pattern, out string reason)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            reason = "";
            return true;
        }
        catch (ArgumentException e)
        {
            reason = "error parsing regexp: " + e.Message;
            return false;
        }
    }

    private static void Nested(JsonObject? v, bool skipAnyOf, string path, List<FieldError> errors)
    {
        if (v is null)
        {
            return;
        }

        ValueValidation(v, skipAnyOf, false, path, errors);
        Nested(v["items"] as JsonObject, false, path.Child("items"), errors);
        foreach (var (key, property) in v["properties"] as JsonObject ?? [])
        {
            Nested(property as JsonObject, false, path.Child("properties").Key(key), errors);
        }

        if (v["type"] is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child("type"), "must be empty to be structural"));
        }

        if (v["additionalProperties"] is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child("additionalProperties"), "must be undefined to be structural"));
        }

        var forbidden = new (string Name, string Detail)[]
        {
            ("default", "must be undefined to be structural"),
            ("title", "must be empty to be structural"),
            ("description", "must be empty to be structural"),
        };
        foreach (var (name, detail) in forbidden)
        {
            if (v[name] is not null)
            {
                errors.Add(FieldError.Forbidden(path.Child(name), detail));
            }
        }

        foreach (var name in new[] { "nullable", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string" })
        {
            if (IsTrue(v, name))
            {
                errors.Add(FieldError.Forbidden(path.Child(name), "must be false to be structural"));
            }
        }

        if (v["x-kubernetes-list-map-keys"] is JsonArray { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(path.Child("x-kubernetes-list-map-keys"), "must be empty to be structural"));
        }

        foreach (var name in new[] { "x-kubernetes-list-type", "x-kubernetes-map-type" })
        {
            if (v[name] is not null)
            {
                errors.Add(FieldError.Forbidden(path.Child(name), "must be undefined to be structural"));
            }
        }

        if (v["x-kubernetes-validations"] is JsonArray { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(path.Child("x-kubernetes-validations"), "must be empty to be structural"));
        }

        if ((v["properties"] as JsonObject)?.ContainsKey("metadata") == true)
        {
            errors.Add(FieldError.Forbidden(path.Child("properties").Key("metadata"), "must not be specified in a nested context"));
        }
    }

    /// <summary>Everything a junctor (anyOf, allOf, oneOf, not) speaks of must exist in the structural part beside it.</summary>
    private static void Completeness(JsonObject v, JsonObject? s, string sPath, string vPath, List<FieldError> errors)
    {
        foreach (var junctor in new[] { "not", "allOf", "anyOf", "oneOf" })
        {
            var nested = v[junctor] switch
            {
                JsonObject single => [(single, vPath.Child(junctor))],
                JsonArray list => list.Select((n, i) => (n as JsonObject, vPath.Child(junctor).Index(i))).Where(p => p.Item1 is not null).Select(p => (p.Item1!, p.Item2)).ToList(),
                _ => new List<(JsonObject, string)>(),
            };
            foreach (var (n, path) in nested)
            {
                NestedCompleteness(n, s, sPath, path, errors);
            }
        }
    }

    private static void NestedCompleteness(JsonObject v, JsonObject? s, string sPath, string vPath, List<FieldError> errors)
    {
        if (s is null)
        {
            errors.Add(FieldError.Required(sPath, "because it is defined in " + vPath));
            return;
        }

        Completeness(v, s, sPath, vPath, errors);
        if (v["items"] is JsonObject items)
        {
            NestedCompleteness(items, s["items"] as JsonObject, sPath.Child("items"), vPath.Child("items"), errors);
        }

        foreach (var (key, property) in v["properties"] as JsonObject ?? [])
        {
            if (property is not JsonObject p)
            {
                continue;
            }

            if ((s["properties"] as JsonObject)?[key] is JsonObject sp)
            {
                NestedCompleteness(p, sp, sPath.Child("properties").Key(key), vPath.Child("properties").Key(key), errors);
            }
            else
            {
                errors.Add(FieldError.Required(sPath.Child("properties").Key(key), "because it is defined in " + vPath.Child("properties").Key(key)));
            }
        }
    }

    /// <summary>The <c>anyOf: [{type: integer}, {type: string}]</c> that int-or-string fields carry is not held against structure.</summary>
    private static bool IsIntOrStringAnyOf(JsonObject s) =>
        s["anyOf"] is JsonArray { Count: 2 } anyOf && JsonNode.DeepEquals(anyOf[0], IntegerOnly) && JsonNode.DeepEquals(anyOf[1], StringOnly);

    private static bool IsIntOrStringAllOf(JsonObject s) =>
        s["allOf"] is JsonArray { Count: >= 1 } allOf && allOf[0] is JsonObject first && IsIntOrStringAnyOf(first);

    private static bool IsTrue(JsonObject s, string name) => s[name]?.GetValueKind() == JsonValueKind.True;
}
