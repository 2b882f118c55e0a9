using System.Text.RegularExpressions;

namespace RightSizer.EndToEnd.Tests.Docs;

/// <summary>
/// What may differ between the walkthrough's output in docs/usage.md and a fresh run, and nothing else. Both sides
/// are normalised the same way, so the doc keeps the real values it was captured with:
/// <list type="bullet">
/// <item>kubectl's own log lines on stderr (<c>I1202 05:14:50.962036 ... watch ended with error</c>: its watch
/// re-established while waiting) are dropped;</item>
/// <item>kubectl ages (<c>5s</c>, <c>2m3s</c>, <c>45d</c>) become <c>&lt;age&gt;</c>;</item>
/// <item>RFC 3339 timestamps become <c>&lt;time&gt;</c>, uids <c>&lt;uid&gt;</c>, <c>Resource Version</c> numbers <c>&lt;n&gt;</c>;</item>
/// <item>in <c>kubectl get pods</c>, the generated suffixes of a Deployment's pod names (<c>web-6f9c8d7b5-x2kqz</c>) become <c>-&lt;hash&gt;-&lt;id&gt;</c>;</item>
/// <item>after a line's indentation, runs of spaces become one space, and line ends are trimmed (column widths follow the values above);</item>
/// <item>the rows of <c>kubectl get pods</c> are compared in sorted order (pods sort by their random names).</item>
/// </list>
/// </summary>
public static partial class WalkthroughOutput
{
    public static string Normalise(string command, string output)
    {
        var text = string.Join('\n', output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => !KlogLine().IsMatch(l))).Trim('\n');
        text = Age().Replace(text, "<age>");
        text = Timestamp().Replace(text, "<time>");
        text = Uid().Replace(text, "<uid>");
        text = ResourceVersion().Replace(text, "${key}<n>");
        var pods = command.StartsWith("kubectl get pods", StringComparison.Ordinal);
        if (pods)
        {
            text = PodSuffix().Replace(text, "-<hash>-<id>");
        }

        var lines = text.Split('\n').Select(line => line[..Indent(line)] + Spaces().Replace(line[Indent(line)..], " ").TrimEnd()).ToList();
        if (pods && lines.Count > 1)
        {
            lines = [lines[0], .. lines.Skip(1).Order(StringComparer.Ordinal)];
        }

        return string.Join('\n', lines);
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    [GeneratedRegex(@"^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+ ")]
    private static partial Regex KlogLine();

    [GeneratedRegex(@"\b\d+[smhd](\d+[smh])?\b")]
    private static partial Regex Age();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")]
    private static partial Regex Uid();

    [GeneratedRegex(@"(?<key>Resource Version:\s+)\d+")]
    private static partial Regex ResourceVersion();

    [GeneratedRegex(@"-[a-z0-9]{6,10}-[a-z0-9]{5}\b")]
    private static partial Regex PodSuffix();

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
