using System.Text.Json.Nodes;

namespace RightSizer.Operator.Export;

/// <summary>One RFC 6902 operation (<c>add</c> or <c>replace</c>) with its JSON Pointer path and value.</summary>
public sealed record PatchOperation(string Op, string Path, JsonNode Value)
{
    public static PatchOperation Add(string path, JsonNode value) => new("add", path, value);

    public static PatchOperation Replace(string path, JsonNode value) => new("replace", path, value);
}
