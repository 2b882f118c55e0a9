using System.Text.Json.Nodes;

namespace RightSizer.Webhooks.Pods;

/// <summary>One RFC 6902 operation. Only <c>add</c> is emitted: it creates a missing member and replaces an existing one.</summary>
public sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value)
{
    public static JsonPatchOperation Add(string path, JsonNode? value) => new("add", path, value);
}
