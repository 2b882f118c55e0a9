using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RightSizer.Operator.Export.Yaml;

/// <summary>
/// Reads every document of a YAML text into <see cref="YamlNode"/> trees that keep source offsets, from YamlDotNet's
/// event parser. Aliases stay aliases (they are not resolved), so an edit never lands inside an anchor it reached
/// through one.
/// </summary>
public static class YamlDocuments
{
    /// <exception cref="YamlException">The text is not valid YAML; the message has the line and column.</exception>
    public static IReadOnlyList<YamlNode> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(new StringReader(text));
        var documents = new List<YamlNode>();
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            documents.Add(ReadNode(parser, text));
            parser.Consume<DocumentEnd>();
        }

        parser.Consume<StreamEnd>();
        return documents;
    }

    private static YamlNode ReadNode(IParser parser, string text)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YamlScalar(
                scalar.Value, scalar.Style, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value,
                Offset(scalar.Start), Offset(scalar.End), Column(scalar.Start));
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return new YamlAlias(alias.Value.Value, Offset(alias.Start), Offset(alias.End), Column(alias.Start));
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var entries = new List<KeyValuePair<YamlNode, YamlNode>>();
            while (!parser.Accept<MappingEnd>(out _))
            {
                var key = ReadNode(parser, text);
                entries.Add(new(key, ReadNode(parser, text)));
            }

            parser.Consume<MappingEnd>();

            var flowMapping = mappingStart.Style == MappingStyle.Flow;
            var lastValue = entries.Count > 0 ? entries[^1].Value : null;
            var brace = flowMapping ? Closing(text, lastValue?.End ?? Offset(mappingStart.End), '}') : -1;
            return new YamlMapping(
                entries,
                flowMapping,
                brace,
                mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value,
                Offset(mappingStart.Start),
                flowMapping ? brace + 1 : lastValue?.End ?? Offset(mappingStart.End),
                Column(mappingStart.Start));
        }

        var sequenceStart = parser.Consume<SequenceStart>();
        var items = new List<YamlNode>();
        while (!parser.Accept<SequenceEnd>(out _))
        {
            items.Add(ReadNode(parser, text));
        }

        parser.Consume<SequenceEnd>();

        var flowSequence = sequenceStart.Style == SequenceStyle.Flow;
        var lastItem = items.Count > 0 ? items[^1] : null;
        var bracket = flowSequence ? Closing(text, lastItem?.End ?? Offset(sequenceStart.End), ']') : -1;
        return new YamlSequence(
            items,
            flowSequence,
            bracket,
            sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value,
            Offset(sequenceStart.Start),
            flowSequence ? bracket + 1 : lastItem?.End ?? Offset(sequenceStart.End),
            Column(sequenceStart.Start));
    }

    /// <summary>
    /// The offset of the bracket that closes a flow collection, the first one after its last child (past spaces, a
    /// trailing comma and comments). A block collection's own text ends with its last child: its end event sits at
    /// the next token, past trailing comments and blank lines that belong to what follows.
    /// </summary>
    private static int Closing(string text, int from, char bracket)
    {
        var at = from;
        while (at < text.Length && text[at] != bracket)
        {
            at = text[at] == '#' ? Math.Max(text.IndexOf('\n', at), at + 1) : at + 1;
        }

        return at;
    }

    /// <summary>The anchors some alias in the tree refers to: a node with one of them is shared.</summary>
    public static IReadOnlySet<string> AliasedAnchors(YamlNode root)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<YamlNode>([root]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case YamlAlias alias:
                    used.Add(alias.Anchor);
                    break;
                case YamlMapping mapping:
                    foreach (var (key, value) in mapping.Entries)
                    {
                        pending.Push(key);
                        pending.Push(value);
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return used;
    }

    private static int Offset(Mark mark) => checked((int)mark.Index);

    private static int Column(Mark mark) => checked((int)mark.Column) - 1;
}
