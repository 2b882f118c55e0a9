using System.Text.Json.Nodes;

namespace RightSizer.Operator.Export;

/// <summary>
/// One RFC 6902 operation. Only <c>add</c> is emitted, as the pod webhook does: it creates a missing member and
/// replaces an existing one, so one operation shape serves both.
/// </summary>
public sealed record PatchOperation(string Op, string Path, JsonNode Value)
{
    public static PatchOperation Add(string path, JsonNode value) => new("add", path, value);
}
