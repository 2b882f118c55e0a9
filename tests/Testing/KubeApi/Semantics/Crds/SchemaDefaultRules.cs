using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.CustomResources;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Crds;

/// <summary>
/// apiextensions' <c>defaulting.ValidateDefaults</c>: every default must survive pruning unchanged
/// (<c>must not have unknown fields</c>) and validate against the schema it sits in, reported under
/// <c>….default</c>; so a boolean default on a string field reads
/// <c>….properties[mode].default: Invalid value: "boolean":  in body must be of type string: "boolean"</c>
/// (the validator runs from the field itself, whose name is empty).
/// </summary>
internal static class SchemaDefaultRules
{
    private static readonly HashSet<string> MetaFields = new(StringComparer.Ordinal) { "metadata", "kind", "apiVersion" };

    public static List<FieldError> Validate(string path, JsonObject schema)
    {
        var errors = new List<FieldError>();
        Node(schema, path, insideMeta: false, isEmbedded: true, errors);
        return errors;
    }

    private static void Node(JsonObject s, string path, bool insideMeta, bool isEmbedded, List<FieldError> errors)
    {
        if (s["default"] is { } value && !insideMeta)
        {
            var pruned = value.DeepClone();
            SchemaPruner.Prune(pruned, s, isEmbedded);
            if (!JsonNode.DeepEquals(pruned, value))
            {
                errors.Add(FieldError.Invalid(path.Child("default"), value, "must not have unknown fields"));
            }

            errors.AddRange(SchemaValueValidator.Validate(s, value, path.Child("default")));
        }

        if (s["items"] is JsonObject items)
        {
            Node(items, path.Child("items"), insideMeta, SchemaPruner.IsTrue(items, "x-kubernetes-embedded-resource"), errors);
        }

        foreach (var (key, property) in (s["properties"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (property is JsonObject p)
            {
                var embedded = SchemaPruner.IsTrue(p, "x-kubernetes-embedded-resource");
                Node(p, path.Child("properties").Key(key), !embedded && (insideMeta || (isEmbedded && MetaFields.Contains(key))), embedded, errors);
            }
        }
    }
}
