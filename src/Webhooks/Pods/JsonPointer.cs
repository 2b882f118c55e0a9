namespace RightSizer.Webhooks.Pods;

/// <summary>RFC 6901 pointers: <c>~</c> is written <c>~0</c> and <c>/</c> is written <c>~1</c> inside a segment.</summary>
public static class JsonPointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);
}
