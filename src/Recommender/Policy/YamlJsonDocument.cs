using System.Text.Json.Nodes;

namespace RightSizer.Recommender.Policy;

/// <summary>One YAML document as JSON, with the line of every path (<c>$.spec.mode</c>) and the plain scalars read as booleans or null.</summary>
internal sealed record YamlJsonDocument(JsonNode? Root, long Line, IReadOnlyDictionary<string, long> Lines, IReadOnlyDictionary<string, string> Plain)
{
    /// <summary>The line of a path, or of its nearest ancestor that has one.</summary>
    public long LineOf(string path)
    {
        for (var at = path; at.Length > 0; at = Parent(at))
        {
            if (Lines.TryGetValue(at, out var line))
            {
                return line;
            }
        }

        return Line;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}
