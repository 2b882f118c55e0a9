using System.Text.Json;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Crds;

/// <summary>
/// Validates an <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition as the real server does on create
/// (<c>pkg/apis/apiextensions/validation</c>): v1 defaults first (singular, listKind), then the name, group, scope,
/// versions, names, the schemas (structural rules, then defaults against their schemas, then the per-node OpenAPI
/// rules), subresources and printer columns. As the real conversion to the internal type does, per-version
/// schemas, subresources and printer columns that are identical in every version are checked at the top level, so
/// a single-version CRD's errors read <c>spec.validation.openAPIV3Schema…</c>.
/// </summary>
public static class CrdValidator
{
    public static readonly GroupKind CrdKind = new("apiextensions.k8s.io", "CustomResourceDefinition");

    private static readonly string[] PrinterColumnTypes = ["boolean", "date", "integer", "number", "string"];
    private static readonly string[] PrinterColumnFormats = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"];

    /// <summary>The CRD with the v1 defaults the server applies before validation (<c>SetDefaults_CustomResourceDefinition</c>).</summary>
    public static JsonObject WithDefaults(JsonObject crd)
    {
        var result = (JsonObject)crd.DeepClone();
        if (result["spec"]?["names"] is JsonObject names && names["kind"]?.GetValue<string>() is { Length: > 0 } kind)
        {
            names["singular"] ??= kind.ToLowerInvariant();
            names["listKind"] ??= kind + "List";
        }

        if (result["spec"] is JsonObject spec)
        {
            spec["conversion"] ??= new JsonObject { ["strategy"] = "None" };
        }

        return result;
    }

    /// <summary>The field errors of a CRD create, in the server's order.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject crd)
    {
        var defaulted = WithDefaults(crd);
        var spec = defaulted["spec"] as JsonObject ?? [];
        var errors = new List<FieldError>();
        ValidateName(defaulted, spec, errors);
        ValidateSpec(spec, errors);
        return errors;
    }

    /// <summary>Throws the 422 the server answers when <see cref="Validate"/> finds errors.</summary>
    public static void EnsureValid(JsonObject crd)
    {
        var errors = Validate(crd);
        if (errors.Count > 0)
        {
            throw new ApiStatusException(StatusErrors.Invalid(CrdKind, Text(crd["metadata"]?["name"]), errors));
        }
    }

    private static void ValidateName(JsonObject crd, JsonObject spec, List<FieldError> errors)
    {
        var name = Text(crd["metadata"]?["name"]);
        if (name.Length == 0)
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
            return;
        }

        var problems = DnsNames.Dns1123Subdomain(name).ToList();
        if (name != Text(spec["names"]?["plural"]) + "." + Text(spec["group"]))
        {
            problems.Add("must be spec.names.plural+\".\"+spec.group");
        }

        errors.AddRange(problems.Select(p => FieldError.Invalid("metadata.name", name, p)));
    }

    private static void ValidateSpec(JsonObject spec, List<FieldError> errors)
    {
        var group = Text(spec["group"]);
        if (group.Length == 0)
        {
            errors.Add(FieldError.Required("spec.group"));
        }
        else if (DnsNames.Dns1123Subdomain(group) is { Count: > 0 } groupErrors)
        {
            errors.Add(FieldError.Invalid("spec.group", group, string.Join(",", groupErrors)));
        }
        else if (!group.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid("spec.group", group, "should be a domain with at least one dot"));
        }

        var scope = Text(spec["scope"]);
        if (scope.Length == 0)
        {
            errors.Add(FieldError.Required("spec.scope"));
        }
        else if (scope is not ("Cluster" or "Namespaced"))
        {
            errors.Add(FieldError.NotSupported("spec.scope", scope, ["Cluster", "Namespaced"]));
        }

        var versions = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var hoisted = Hoist(versions);
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i]["schema"]?["openAPIV3Schema"] is null)
            {
                errors.Add(FieldError.Required($"spec.versions[{i}].schema.openAPIV3Schema"));
            }
        }

        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var path = "spec.versions".Index(i);
            var versionName = Text(version["name"]);
            if (DnsNames.Dns1035Label(versionName) is { Count: > 0 } nameErrors)
            {
                errors.Add(FieldError.Invalid(path.Child("name"), versionName, string.Join(",", nameErrors)));
            }

            var statusEnabled = (hoisted.Subresources ? versions[0] : version)["subresources"]?["status"] is not null;
            if (!hoisted.Schema)
            {
                ValidateSchema(version["schema"] as JsonObject, statusEnabled, path.Child("schema"), errors);
            }

            if (!hoisted.Columns)
            {
                ValidateColumns(version["additionalPrinterColumns"] as JsonArray, path.Child("additionalPrinterColumns"), errors);
            }
        }

        var names = versions.Select(v => Text(v["name"])).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            errors.Add(FieldError.Invalid("spec.versions", spec["versions"], "must contain unique version names"));
        }

        if (versions.Count(v => v["storage"]?.GetValueKind() == JsonValueKind.True) != 1)
        {
            errors.Add(FieldError.Invalid("spec.versions", spec["versions"], "must have exactly one version marked as storage version"));
        }

        ValidateNames(spec["names"] as JsonObject ?? [], errors);
        if (hoisted.Schema && versions.Count > 0)
        {
            var statusEnabled = versions.Any(v => v["subresources"]?["status"] is not null);
            ValidateSchema(versions[0]["schema"] as JsonObject, statusEnabled, "spec.validation", errors);
        }

        if (hoisted.Columns && versions.Count > 0)
        {
            ValidateColumns(versions[0]["additionalPrinterColumns"] as JsonArray, "spec.additionalPrinterColumns", errors);
        }
    }

    /// <summary>Which per-version parts the conversion to the internal type lifts to the top level (identical in every version).</summary>
    private static (bool Schema, bool Subresources, bool Columns) Hoist(List<JsonObject> versions)
    {
        bool Identical(string name) => versions.All(v => JsonNode.DeepEquals(v[name], versions[0][name]));
        return versions.Count == 0 ? (false, false, false) : (Identical("schema"), Identical("subresources"), Identical("additionalPrinterColumns"));
    }

    private static void ValidateNames(JsonObject names, List<FieldError> errors)
    {
        foreach (var required in new[] { "plural", "singular", "kind", "listKind" })
        {
            if (Text(names[required]).Length == 0)
            {
                errors.Add(FieldError.Required("spec.names." + required));
            }
        }

        foreach (var label in new[] { "plural", "singular" })
        {
            var value = Text(names[label]);
            if (value.Length > 0 && DnsNames.Dns1035Label(value) is { Count: > 0 } labelErrors)
            {
                errors.Add(FieldError.Invalid("spec.names." + label, value, string.Join(",", labelErrors)));
            }
        }

        foreach (var kindName in new[] { "kind", "listKind" })
        {
            var value = Text(names[kindName]);
            if (value.Length > 0 && DnsNames.Dns1035Label(value.ToLowerInvariant()) is { Count: > 0 } kindErrors)
            {
                errors.Add(FieldError.Invalid("spec.names." + kindName, value, "may have mixed case, but should otherwise match: " + string.Join(",", kindErrors)));
            }
        }

        ValidateLabels(names["shortNames"] as JsonArray, "spec.names.shortNames", errors);
        var kind = Text(names["kind"]);
        if (kind.Length > 0 && kind == Text(names["listKind"]))
        {
            errors.Add(FieldError.Invalid("spec.names.listKind", kind, "kind and listKind may not be the same"));
        }

        ValidateLabels(names["categories"] as JsonArray, "spec.names.categories", errors);
    }

    private static void ValidateLabels(JsonArray? values, string path, List<FieldError> errors)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            var value = Text(values![i]);
            if (DnsNames.Dns1035Label(value) is { Count: > 0 } labelErrors)
            {
                errors.Add(FieldError.Invalid(path.Index(i), value, string.Join(",", labelErrors)));
            }
        }
    }

    /// <summary><c>validateCustomResourceDefinitionValidation</c>: status-subresource root rules, then structural, then defaults, then OpenAPI node rules.</summary>
    private static void ValidateSchema(JsonObject? validation, bool statusEnabled, string path, List<FieldError> errors)
    {
        if (validation?["openAPIV3Schema"] is not JsonObject schema)
        {
            return;
        }

        var schemaPath = path.Child("openAPIV3Schema");
        if (statusEnabled)
        {
            var type = Text(schema["type"]);
            if (type.Length > 0 && type != "object")
            {
                errors.Add(FieldError.Invalid(schemaPath + ".type", type, "only \"object\" is allowed as the type at the root of the schema if the status subresource is enabled"));
            }
        }

        if (schema["nullable"]?.GetValueKind() == JsonValueKind.True)
        {
            errors.Add(FieldError.Forbidden(schemaPath + ".nullable", "nullable cannot be true at the root"));
        }

        var structural = StructuralSchemaRules.Validate(schemaPath, schema);
        errors.AddRange(structural.Count > 0 ? structural : SchemaDefaultRules.Validate(schemaPath, schema));
        errors.AddRange(OpenApiSchemaRules.Validate(schemaPath, schema));
    }

    private static void ValidateColumns(JsonArray? columns, string path, List<FieldError> errors)
    {
        for (var i = 0; i < (columns?.Count ?? 0); i++)
        {
            var column = columns![i] as JsonObject ?? [];
            var columnPath = path.Index(i);
            if (Text(column["name"]).Length == 0)
            {
                errors.Add(FieldError.Required(columnPath.Child("name")));
            }

            var type = Text(column["type"]);
            var typeDetail = "must be one of " + string.Join(",", PrinterColumnTypes);
            if (type.Length == 0)
            {
                errors.Add(FieldError.Required(columnPath.Child("type"), typeDetail));
            }
            else if (!PrinterColumnTypes.Contains(type))
            {
                errors.Add(FieldError.Invalid(columnPath.Child("type"), type, typeDetail));
            }

            var format = Text(column["format"]);
            if (format.Length > 0 && !PrinterColumnFormats.Contains(format))
            {
                errors.Add(FieldError.Invalid(columnPath.Child("format"), format, "must be one of " + string.Join(",", PrinterColumnFormats)));
            }

            var jsonPath = Text(column["jsonPath"]);
            if (jsonPath.Length == 0)
            {
                errors.Add(FieldError.Required(columnPath.Child("JSONPath")));
            }
            else if (!jsonPath.StartsWith('.'))
            {
                errors.Add(FieldError.Invalid(columnPath.Child("JSONPath"), jsonPath, "must be a simple json path starting with ."));
            }
        }
    }

    /// <summary>A string field's text; a value of another type (a YAML boolean where a name was meant) reads as its JSON.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
