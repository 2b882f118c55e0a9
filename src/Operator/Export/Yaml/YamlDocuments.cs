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
            documents.Add(ReadNode(parser));
            parser.Consume<DocumentEnd>();
        }

        parser.Consume<StreamEnd>();
        return documents;
    }

    private static YamlNode ReadNode(IParser parser)
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
                var key = ReadNode(parser);
                entries.Add(new(key, ReadNode(parser)));
            }

            var mappingEnd = parser.Consume<MappingEnd>();

            var flowMapping = mappingStart.Style == MappingStyle.Flow;
            return new YamlMapping(
                entries,
                flowMapping,
                flowMapping ? Offset(mappingEnd.Start) : -1,
                Offset(mappingStart.Start),
                ContentEnd(flowMapping, mappingEnd, entries.Count > 0 ? entries[^1].Value : null, mappingStart),
                Column(mappingStart.Start));
        }

        var sequenceStart = parser.Consume<SequenceStart>();
        var items = new List<YamlNode>();
        while (!parser.Accept<SequenceEnd>(out _))
        {
            items.Add(ReadNode(parser));
        }

        var sequenceEnd = parser.Consume<SequenceEnd>();

        var flowSequence = sequenceStart.Style == SequenceStyle.Flow;
        return new YamlSequence(
            items,
            flowSequence,
            flowSequence ? Offset(sequenceEnd.Start) : -1,
            Offset(sequenceStart.Start),
            ContentEnd(flowSequence, sequenceEnd, items.Count > 0 ? items[^1] : null, sequenceStart),
            Column(sequenceStart.Start));
    }

    /// <summary>
    /// Where a collection's own text ends. A block collection's end event sits at the next token, past trailing
    /// comments and blank lines that belong to what follows, so its end is taken from its last child instead.
    /// </summary>
    private static int ContentEnd(bool flow, ParsingEvent end, YamlNode? last, ParsingEvent start) =>
        flow ? Offset(end.End) : last?.End ?? Offset(start.End);

    private static int Offset(Mark mark) => checked((int)mark.Index);

    private static int Column(Mark mark) => checked((int)mark.Column) - 1;
}
