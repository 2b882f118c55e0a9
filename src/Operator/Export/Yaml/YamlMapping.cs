namespace RightSizer.Operator.Export.Yaml;

/// <summary>A mapping in source order. <see cref="Flow"/> is true for <c>{a: 1}</c>, false for block style.</summary>
/// <param name="ClosingBrace">For a flow mapping, the offset of its closing <c>}</c>.</param>
public sealed record YamlMapping(
    IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Entries,
    bool Flow,
    int ClosingBrace,
    string? Anchor,
    int Start,
    int End,
    int Column) : YamlNode(Start, End, Column)
{
    /// <summary>The value of the first entry whose key is the plain scalar <paramref name="key"/>, or null.</summary>
    public YamlNode? Get(string key) =>
        Entries.FirstOrDefault(e => e.Key is YamlScalar s && s.Value == key).Value;

    /// <summary>The value under <paramref name="key"/> when it is a scalar; null otherwise.</summary>
    public string? GetText(string key) => (Get(key) as YamlScalar)?.Value;

    /// <summary>Whether the mapping merges another (<c>&lt;&lt;: *base</c>): then keys may come from elsewhere.</summary>
    public bool HasMergeKey => Entries.Any(e => e.Key is YamlScalar { Value: "<<" });
}
