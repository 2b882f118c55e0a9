using YamlDotNet.Core;

namespace RightSizer.Operator.Export.Yaml;

/// <summary>A scalar: its value, how it was written (plain, quoted, block) and whether it carries an anchor.</summary>
public sealed record YamlScalar(string Value, ScalarStyle Style, string? Anchor, int Start, int End, int Column)
    : YamlNode(Start, End, Column);
