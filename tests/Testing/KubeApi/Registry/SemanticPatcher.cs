using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Patches;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>
/// The four patch types of apiserver's patch handler over the semantics' implementations; custom resources accept no
/// strategic merge patch (apiextensions' customresource_handler.go), so their 415 lists three media types.
/// </summary>
public sealed class SemanticPatcher : IObjectPatcher
{
    public IReadOnlyList<string> AcceptedMediaTypes(ResourceType type) => type.IsCustom
        ? [MediaTypes.JsonPatch, MediaTypes.MergePatch, MediaTypes.ApplyPatch]
        : [MediaTypes.JsonPatch, MediaTypes.MergePatch, MediaTypes.StrategicMergePatch, MediaTypes.ApplyPatch];

    public JsonObject Apply(ResourceType type, string mediaType, JsonObject? current, JsonNode patch, PatchRequest request)
    {
        try
        {
            return mediaType switch
            {
                MediaTypes.JsonPatch => JsonPatch.Apply(current, patch as JsonArray ?? throw new PatchException("json: cannot unmarshal object into Go value of type jsonpatch.Patch")) as JsonObject
                    ?? throw new PatchException("the patch did not leave an object"),
                MediaTypes.MergePatch => JsonMergePatch.Apply(current, patch) as JsonObject ?? throw new PatchException("the patch did not leave an object"),
                MediaTypes.StrategicMergePatch => StrategicMergePatch.Apply(current ?? [], AsObject(patch), type.Kind),
                _ => ServerSideApply.Apply(current, AsObject(patch), RequireManager(request.FieldManager), request.Force, request.Now, ListStrategies(type)),
            };
        }
        catch (PatchException e)
        {
            throw new ApiStatusException(mediaType == MediaTypes.JsonPatch ? StatusErrors.UnprocessablePatch() : StatusErrors.BadRequest(e.Message));
        }
    }

    /// <summary>How lists merge in field ownership: from the CRD schema's x-kubernetes-list-type, or the built-in kinds' struct tags.</summary>
    public static Func<IReadOnlyList<string>, ListMergeStrategy> ListStrategies(ResourceType type) =>
        type.CustomVersion?["schema"]?["openAPIV3Schema"] is JsonObject schema
            ? SchemaPatchStrategies.For(schema)
            : path => BuiltInPatchStrategies.For(type.Kind, path);

    private static JsonObject AsObject(JsonNode patch) =>
        patch as JsonObject ?? throw new PatchException("json: cannot unmarshal array into Go value of type map[string]interface {}");

    private static string RequireManager(string manager) => manager.Length > 0
        ? manager
        : throw new ApiStatusException(StatusErrors.BadRequest("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"));
}
