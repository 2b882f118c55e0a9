namespace RightSizer.Operator.Export.Yaml;

/// <summary>A sequence in source order. <see cref="Flow"/> is true for <c>[a, b]</c>, false for block style.</summary>
/// <param name="ClosingBracket">For a flow sequence, the offset of its closing <c>]</c>.</param>
public sealed record YamlSequence(
    IReadOnlyList<YamlNode> Items,
    bool Flow,
    int ClosingBracket,
    string? Anchor,
    int Start,
    int End,
    int Column) : YamlNode(Start, End, Column);
