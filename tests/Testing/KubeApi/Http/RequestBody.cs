using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Yaml;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>Decodes request bodies as the create and update handlers do: apiVersion and kind defaulted, a mismatch refused, protobuf 415.</summary>
public static class RequestBody
{
    public static async Task<JsonNode> ReadAsync(HttpContext context)
    {
        if (MediaTypes.Essence(context.Request.ContentType) == MediaTypes.Protobuf)
        {
            // No protobuf serializer here: refused as the real server refuses a body no serializer reads (as for a CR).
            throw new ApiStatusException(StatusErrors.UnsupportedMediaType([MediaTypes.Json, MediaTypes.Yaml]));
        }

        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (MediaTypes.Essence(context.Request.ContentType) == MediaTypes.ApplyPatch)
        {
            try
            {
                return KubeYaml.ReadDocuments(text) is [var document] ? document : throw new ApiStatusException(StatusErrors.BadRequest("error decoding YAML: expected one document"));
            }
            catch (KubeYamlException e)
            {
                throw new ApiStatusException(StatusErrors.BadRequest(e.Message));
            }
        }

        try
        {
            return JsonNode.Parse(text) ?? throw new ApiStatusException(StatusErrors.BadRequest("the request body is empty"));
        }
        catch (JsonException e)
        {
            throw new ApiStatusException(StatusErrors.BadRequest($"couldn't get version/kind; json parse error: {e.Message}"));
        }
    }

    /// <summary>An object of the resource's kind: missing apiVersion/kind filled in, others refused with 400.</summary>
    public static JsonObject AsObjectOf(JsonNode body, ResourceType type)
    {
        if (body is not JsonObject obj)
        {
            throw new ApiStatusException(StatusErrors.BadRequest("the request body must be a JSON object"));
        }

        var apiVersion = obj["apiVersion"]?.ToString() ?? "";
        var kind = obj["kind"]?.ToString() ?? "";
        if (apiVersion.Length > 0 && apiVersion != type.GroupVersion)
        {
            throw new ApiStatusException(StatusErrors.BadRequest(
                $"the API version in the data ({apiVersion}) does not match the expected API version ({type.GroupVersion})"));
        }

        if (kind.Length > 0 && kind != type.Kind)
        {
            throw new ApiStatusException(StatusErrors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})"));
        }

        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
        var ordered = new JsonObject { ["apiVersion"] = type.GroupVersion, ["kind"] = type.Kind };
        foreach (var (key, value) in obj.ToList())
        {
            if (key is not ("apiVersion" or "kind"))
            {
                obj.Remove(key);
                ordered[key] = value;
            }
        }

        return ordered;
    }
}
