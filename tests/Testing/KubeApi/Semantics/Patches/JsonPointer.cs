namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>RFC 6901 pointers: <c>/spec/containers/0/resources</c>, with <c>~1</c> for <c>/</c> and <c>~0</c> for <c>~</c>.</summary>
public static class JsonPointer
{
    public static IReadOnlyList<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (!pointer.StartsWith('/'))
        {
            throw new PatchException($"JSON pointer must be empty or start with a \"/\": {pointer}");
        }

        return [.. pointer[1..].Split('/').Select(Unescape)];
    }

    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
