namespace RightSizer.Operator.Export.Yaml;

/// <summary>
/// A node of a YAML document with the character offsets it spans in the source text, so a writer can replace or
/// insert text at exact places instead of re-serializing the document.
/// </summary>
/// <param name="Start">Offset of the node's first character (its anchor or tag, when it has one).</param>
/// <param name="End">Offset just after the node's last character.</param>
public abstract record YamlNode(int Start, int End, int Column);
