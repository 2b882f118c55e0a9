using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RightSizer.Recommender.Policy;

/// <summary>
/// Reads YAML documents into JSON the way kubectl sends them to the API server: scalars a YAML 1.1 reader resolves
/// to booleans or null (<c>Off</c>, <c>yes</c>, <c>~</c>) become those, other plain and quoted scalars strings. Every
/// node's line is kept by JSON path, so later errors can name the line. Aliases are expanded up to
/// <see cref="MaxNodes"/> nodes per document, and a document has at most <see cref="MaxBytes"/>: a few hundred bytes
/// of nested aliases would otherwise expand to gigabytes.
/// </summary>
internal static class YamlJsonReader
{
    /// <summary>The API server refuses request bodies above 3 MiB; a policy file larger than that is not a policy.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    /// <summary>Nodes per document after alias expansion; a large policy has a few hundred.</summary>
    public const int MaxNodes = 10_000;

    /// <summary>What sigs.k8s.io/yaml (go-yaml v2, YAML 1.1) resolves a plain scalar to when it is not a string.</summary>
    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.Ordinal)
    {
        ["y"] = true,
        ["Y"] = true,
        ["yes"] = true,
        ["Yes"] = true,
        ["YES"] = true,
        ["true"] = true,
        ["True"] = true,
        ["TRUE"] = true,
        ["on"] = true,
        ["On"] = true,
        ["ON"] = true,
        ["n"] = false,
        ["N"] = false,
        ["no"] = false,
        ["No"] = false,
        ["NO"] = false,
        ["false"] = false,
        ["False"] = false,
        ["FALSE"] = false,
        ["off"] = false,
        ["Off"] = false,
        ["OFF"] = false,
    };

    /// <exception cref="PolicyFormatException">Not YAML, too large, or an alias expands too far.</exception>
    public static IReadOnlyList<YamlJsonDocument> Read(string yaml, string source)
    {
        if (yaml.Length > MaxBytes)
        {
            throw new PolicyFormatException($"{source}: larger than {MaxBytes / (1024 * 1024)} MiB, the most the API server accepts");
        }

        var parser = new Parser(new StringReader(yaml));
        var lastLine = 1L;
        var documents = new List<YamlJsonDocument>();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                var reader = new DocumentReader(parser, source);
                lastLine = start.End.Line;
                var root = parser.Accept<DocumentEnd>(out _) ? null : reader.ReadNode("$", ref lastLine);
                parser.Consume<DocumentEnd>();
                documents.Add(new YamlJsonDocument(root, start.Start.Line, reader.Lines, reader.Plain));
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            throw new PolicyFormatException($"{source}:{Math.Max(e.Start.Line, 1)}: not valid YAML: {Message(e)}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner gives up this way on some unclosed flow collections ({a: b without its brace).
            throw new PolicyFormatException($"{source}:{lastLine}: not valid YAML after this line (an unclosed {{ or [ ?)", e);
        }

        return documents;
    }

    private static string Message(YamlException e)
    {
        // "(Line: 3, Col: 1, Idx: 40) - (Line: 3, Col: 2, Idx: 41): While scanning..." carries the position twice.
        var text = e.Message;
        var cut = text.IndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 && text.StartsWith('(') ? text[(cut + 3)..] : text).TrimEnd('.');
    }

    private sealed class DocumentReader(IParser parser, string source)
    {
        private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);
        private int _nodes;

        public Dictionary<string, long> Lines { get; } = new(StringComparer.Ordinal);

        /// <summary>The text of plain scalars read as booleans or null, by path, for messages that suggest quoting.</summary>
        public Dictionary<string, string> Plain { get; } = new(StringComparer.Ordinal);

        public JsonNode? ReadNode(string path, ref long lastLine)
        {
            var next = parser.Current ?? throw new YamlException("unexpected end of the document");
            lastLine = next.Start.Line;
            Lines.TryAdd(path, next.Start.Line);
            Count(next.Start.Line, 1);
            switch (next)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new PolicyFormatException($"{source}:{alias.Start.Line}: alias *{alias.Value.Value} names no anchor");
                    }

                    Count(alias.Start.Line, Size(target) - 1);
                    return target?.DeepClone();
                case Scalar scalar:
                    parser.MoveNext();
                    return Remember(scalar.Anchor, ToJson(scalar, path));
                case SequenceStart sequence:
                    {
                        parser.MoveNext();
                        var array = new JsonArray();
                        while (!parser.TryConsume<SequenceEnd>(out _))
                        {
                            array.Add(ReadNode($"{path}[{array.Count}]", ref lastLine));
                        }

                        return Remember(sequence.Anchor, array);
                    }

                case MappingStart mapping:
                    {
                        parser.MoveNext();
                        var json = new JsonObject();
                        while (!parser.TryConsume<MappingEnd>(out _))
                        {
                            var keyEvent = parser.Current;
                            if (!parser.TryConsume<Scalar>(out var key))
                            {
                                throw new PolicyFormatException($"{source}:{keyEvent?.Start.Line}: a mapping key must be a plain string");
                            }

                            var childPath = $"{path}.{key.Value}";
                            Lines[childPath] = key.Start.Line;
                            var value = ReadNode(childPath, ref lastLine);
                            if (!json.TryAdd(key.Value, value))
                            {
                                throw new PolicyFormatException($"{source}:{key.Start.Line}: {childPath[2..]}: duplicate field");
                            }
                        }

                        return Remember(mapping.Anchor, json);
                    }

                default:
                    throw new PolicyFormatException($"{source}:{next.Start.Line}: unexpected YAML {next.GetType().Name}");
            }
        }

        private JsonNode? ToJson(Scalar scalar, string path)
        {
            if (scalar.Style is not ScalarStyle.Plain)
            {
                return JsonValue.Create(scalar.Value);
            }

            if (scalar.Value is "" or "~" or "null" or "Null" or "NULL")
            {
                Plain[path] = scalar.Value;
                return null;
            }

            if (Booleans.TryGetValue(scalar.Value, out var boolean))
            {
                Plain[path] = scalar.Value;
                return JsonValue.Create(boolean);
            }

            return JsonValue.Create(scalar.Value);
        }

        private JsonNode? Remember(AnchorName anchor, JsonNode? node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            return node;
        }

        private void Count(long line, int nodes)
        {
            _nodes += nodes;
            if (_nodes > MaxNodes)
            {
                throw new PolicyFormatException($"{source}:{line}: more than {MaxNodes} nodes once aliases are expanded; a MemoryPolicy is far smaller");
            }
        }

        private static int Size(JsonNode? node) => node switch
        {
            JsonObject json => 1 + json.Sum(pair => 1 + Size(pair.Value)),
            JsonArray array => 1 + array.Sum(Size),
            _ => 1,
        };
    }
}
