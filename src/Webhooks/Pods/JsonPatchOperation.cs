namespace RightSizer.Webhooks.Pods;

/// <summary>One RFC 6902 operation. Only <c>add</c> is emitted: it creates a missing member and replaces an existing one.</summary>
public readonly record struct JsonPatchOperation(string Op, string Path, PatchValue Value)
{
    public static JsonPatchOperation Add(string path, PatchValue value) => new("add", path, value);
}
