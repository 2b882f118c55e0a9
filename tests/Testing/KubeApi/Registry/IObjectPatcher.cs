using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>Applies one patch (JSON, merge, strategic merge or server-side apply) to the stored object.</summary>
public interface IObjectPatcher
{
    /// <summary>The patch media types this patcher applies for the resource (the 415 message lists them).</summary>
    IReadOnlyList<string> AcceptedMediaTypes(ResourceType type);

    /// <param name="current">The stored object, or null when server-side apply creates it.</param>
    JsonObject Apply(ResourceType type, string mediaType, JsonObject? current, JsonNode patch, PatchRequest request);
}

/// <summary>The query parameters of a PATCH that decide how it applies.</summary>
public sealed record PatchRequest(string FieldManager, bool Force, string Subresource, DateTimeOffset Now);
