using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>JSON merge patch (RFC 7386): objects merge key by key, null removes a key, anything else replaces.</summary>
public sealed class MergePatcher : IObjectPatcher
{
    public IReadOnlyList<string> AcceptedMediaTypes(ResourceType type) => [MediaTypes.MergePatch];

    public JsonObject Apply(ResourceType type, string mediaType, JsonObject? current, JsonNode patch, PatchRequest request) =>
        Merge(current ?? [], patch) as JsonObject ?? throw new InvalidOperationException("a merge patch of an object must be an object");

    public static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = Merge(result[key], value);
            }
        }

        return result;
    }
}
