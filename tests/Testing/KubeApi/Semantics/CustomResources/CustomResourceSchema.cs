using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.CustomResources;

/// <summary>
/// One served version of a custom resource definition as the apiextensions handler applies it to request bodies:
/// decode (prune unknown fields, refused under <c>fieldValidation=Strict</c>; drop non-nullable nulls; apply defaults),
/// then validate against the OpenAPI v3 schema and the list-type rules.
/// </summary>
public sealed class CustomResourceSchema(string group, string version, string kind, JsonObject openApiV3Schema)
{
    public string Group { get; } = group;

    public string Version { get; } = version;

    public string Kind { get; } = kind;

    public JsonObject OpenApiV3Schema { get; } = openApiV3Schema;

    /// <summary>
    /// Prunes and defaults a copy of <paramref name="body"/>. Under <see cref="FieldValidation.Strict"/> unknown fields
    /// are refused as the real decoder does: 400 <c>MemoryPolicy in version "v1alpha1" cannot be handled as a
    /// MemoryPolicy: strict decoding error: unknown field "spec.foo"</c>.
    /// </summary>
    public DecodedCustomResource Decode(JsonObject body, FieldValidation fieldValidation)
    {
        var obj = (JsonObject)body.DeepClone();
        var unknown = SchemaPruner.Prune(obj, OpenApiV3Schema);
        if (fieldValidation == FieldValidation.Strict && unknown.Count > 0)
        {
            var fields = string.Join(", ", unknown.Select(f => $"unknown field \"{f}\""));
            throw new ApiStatusException(StatusErrors.BadRequest(
                $"{Kind} in version {FieldError.GoQuote(Version)} cannot be handled as a {Kind}: strict decoding error: {fields}"));
        }

        SchemaDefaulter.Default(obj, OpenApiV3Schema);
        return new DecodedCustomResource(obj, fieldValidation == FieldValidation.Ignore ? [] : unknown);
    }

    /// <summary>The schema and list-type errors of a decoded object (metadata is the caller's).</summary>
    public IReadOnlyList<FieldError> Validate(JsonObject obj)
    {
        var withoutMetadata = (JsonObject)obj.DeepClone();
        withoutMetadata.Remove("metadata");
        var schema = (JsonObject)OpenApiV3Schema.DeepClone();
        (schema["properties"] as JsonObject)?.Remove("metadata");
        return [.. SchemaValueValidator.Validate(schema, withoutMetadata), .. ListTypeValidator.Validate(schema, withoutMetadata)];
    }

    /// <summary>The 422 the server answers for <paramref name="errors"/>: <c>MemoryPolicy.rightsizer.io "web" is invalid: …</c>.</summary>
    public ApiStatus Invalid(string name, IReadOnlyList<FieldError> errors) => StatusErrors.Invalid(new GroupKind(Group, Kind), name, errors);
}
