using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RightSizer.Testing.KubeApi.Tables;

/// <summary>
/// The JSONPath subset CRD printer columns use (client-go util/jsonpath with missing keys allowed): <c>.a.b</c>,
/// <c>[0]</c>, <c>[*]</c>, <c>['key']</c> and filters <c>[?(@.type=="Ready")]</c> with ==, !=, &lt;, &gt;.
/// </summary>
public sealed partial class JsonPath
{
    private readonly IReadOnlyList<string> _steps;

    private JsonPath(IReadOnlyList<string> steps) => _steps = steps;

    public static JsonPath Parse(string path)
    {
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1];
        }

        var steps = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            switch (text[i])
            {
                case '$' or '@':
                    // The root, or inside a filter the current item: either way the steps start from the node given.
                    i++;
                    break;
                case '.':
                    var end = i + 1;
                    while (end < text.Length && text[end] is not ('.' or '['))
                    {
                        end++;
                    }

                    if (end > i + 1)
                    {
                        steps.Add(text[(i + 1)..end]);
                    }

                    i = end;
                    break;
                case '[':
                    var close = FindClose(text, i);
                    steps.Add(text[i..(close + 1)]);
                    i = close + 1;
                    break;
                default:
                    throw new FormatException($"unrecognized character in JSONPath {path} at {i}");
            }
        }

        return new JsonPath(steps);
    }

    /// <summary>Every node the path reaches; missing keys give no result rather than an error.</summary>
    public IReadOnlyList<JsonNode?> Evaluate(JsonNode? root)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (var step in _steps)
        {
            current = [.. current.SelectMany(node => Apply(step, node))];
        }

        return [.. current];
    }

    private static IEnumerable<JsonNode?> Apply(string step, JsonNode? node)
    {
        if (!step.StartsWith('['))
        {
            if (node is JsonObject obj && obj.TryGetPropertyValue(step, out var child))
            {
                yield return child;
            }

            yield break;
        }

        var inner = step[1..^1].Trim();
        if (inner == "*")
        {
            foreach (var item in Children(node))
            {
                yield return item;
            }
        }
        else if (inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')'))
        {
            var filter = Filter().Match(inner[2..^1].Trim());
            if (!filter.Success)
            {
                throw new FormatException($"unsupported JSONPath filter {inner}");
            }

            var left = Parse(filter.Groups["path"].Value);
            var op = filter.Groups["op"].Value;
            var literal = Unquote(filter.Groups["value"].Value.Trim());
            foreach (var item in Children(node))
            {
                var values = left.Evaluate(item);
                if (values.Count > 0 && Compare(values[0], op, literal))
                {
                    yield return item;
                }
            }
        }
        else if (inner.StartsWith('\'') || inner.StartsWith('"'))
        {
            if (node is JsonObject obj && obj.TryGetPropertyValue(Unquote(inner), out var child))
            {
                yield return child;
            }
        }
        else if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index) && node is JsonArray array)
        {
            var at = index < 0 ? array.Count + index : index;
            if (at >= 0 && at < array.Count)
            {
                yield return array[at];
            }
        }
    }

    private static IEnumerable<JsonNode?> Children(JsonNode? node) => node switch
    {
        JsonArray array => array,
        JsonObject obj => obj.Select(p => p.Value),
        _ => [],
    };

    private static bool Compare(JsonNode? value, string op, string literal)
    {
        var text = value?.ToString() ?? "";
        if (op is "<" or ">" or "<=" or ">=")
        {
            var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var a);
            ok &= double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var b);
            return ok && op switch { "<" => a < b, ">" => a > b, "<=" => a <= b, _ => a >= b };
        }

        return (text == literal) == (op == "==");
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] is '"' or '\'' && text[^1] == text[0] ? text[1..^1] : text;

    private static int FindClose(string text, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"unclosed [ in JSONPath {text}");
    }

    [GeneratedRegex(@"^(?<path>@[^=!<>\s]*)\s*(?<op>==|!=|<=|>=|<|>)\s*(?<value>.+)$")]
    private static partial Regex Filter();
}
