namespace RightSizer.Operator.Export.Yaml;

/// <summary>An alias (<c>*name</c>): a use of an anchored node, which an edit must not follow into the anchor.</summary>
public sealed record YamlAlias(string Anchor, int Start, int End, int Column) : YamlNode(Start, End, Column);
