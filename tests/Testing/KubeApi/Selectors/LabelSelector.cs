using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Selectors;

/// <summary>
/// A label selector, from its query form (<c>a=b,c!=d,e in (x,y),f notin (z),g,!h</c>, as labels.Parse reads it) or
/// from a LabelSelector object (matchLabels and matchExpressions). All requirements must hold.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements, bool matchesNothing)
    {
        _requirements = requirements;
        MatchesNothing = matchesNothing;
    }

    public static LabelSelector Everything { get; } = new([], false);

    /// <summary>True for a nil selector object, which (for PDBs) selects no pod.</summary>
    public bool MatchesNothing { get; }

    public bool IsEmpty => _requirements.Count == 0 && !MatchesNothing;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => !MatchesNothing && _requirements.All(r => r(labels));

    public bool Matches(JsonObject obj) => Matches(ObjectMeta.Labels(obj));

    /// <summary>Matches a labels map itself (a namespace's labels as a webhook's namespaceSelector sees them).</summary>
    public bool MatchesLabels(JsonObject? labels) =>
        Matches(labels?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "") ?? new Dictionary<string, string>());

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var term in SplitTerms(text))
        {
            requirements.Add(ParseTerm(term.Trim()));
        }

        return new LabelSelector(requirements, false);
    }

    /// <summary>A LabelSelector object; null matches nothing, an empty one everything (metav1.LabelSelectorAsSelector).</summary>
    public static LabelSelector FromObject(JsonNode? selector)
    {
        if (selector is not JsonObject obj)
        {
            return new LabelSelector([], true);
        }

        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        if (obj["matchLabels"] is JsonObject matchLabels)
        {
            foreach (var (key, value) in matchLabels)
            {
                var expected = value?.ToString() ?? "";
                requirements.Add(l => l.TryGetValue(key, out var v) && v == expected);
            }
        }

        if (obj["matchExpressions"] is JsonArray expressions)
        {
            foreach (var expression in expressions.OfType<JsonObject>())
            {
                var key = expression["key"]?.ToString() ?? "";
                var values = expression["values"] is JsonArray list ? list.Select(v => v?.ToString() ?? "").ToHashSet() : [];
                requirements.Add((expression["operator"]?.ToString() ?? "") switch
                {
                    "In" => l => l.TryGetValue(key, out var v) && values.Contains(v),
                    "NotIn" => l => !l.TryGetValue(key, out var v) || !values.Contains(v),
                    "Exists" => l => l.ContainsKey(key),
                    "DoesNotExist" => l => !l.ContainsKey(key),
                    var op => throw new ApiStatusException(StatusErrors.BadRequest($"\"{op}\" is not a valid label selector operator")),
                });
            }
        }

        return new LabelSelector(requirements, false);
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseTerm(string term)
    {
        var setMatch = System.Text.RegularExpressions.Regex.Match(term, @"^([^\s!=]+)\s+(in|notin)\s*\((.*)\)$");
        if (setMatch.Success)
        {
            var key = setMatch.Groups[1].Value;
            var values = setMatch.Groups[3].Value.Split(',').Select(v => v.Trim()).ToHashSet();
            return setMatch.Groups[2].Value == "in"
                ? l => l.TryGetValue(key, out var v) && values.Contains(v)
                : l => !l.TryGetValue(key, out var v) || !values.Contains(v);
        }

        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return l => !l.ContainsKey(key);
        }

        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = term[..at].Trim();
                var value = term[(at + op.Length)..].Trim();
                return op == "!="
                    ? l => !l.TryGetValue(key, out var v) || v != value
                    : l => l.TryGetValue(key, out var v) && v == value;
            }
        }

        if (term.Length == 0 || term.Contains(' ', StringComparison.Ordinal))
        {
            throw new ApiStatusException(StatusErrors.BadRequest($"unable to parse requirement: found '{term}', expected: identifier"));
        }

        return l => l.ContainsKey(term);
    }
}
