using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>RFC 7386 JSON merge patch: objects merge key by key, <c>null</c> deletes, anything else (lists included) replaces.</summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
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
                result[key] = Apply(result[key], value);
            }
        }

        return result;
    }
}
