using System.Text;
using System.Text.RegularExpressions;

namespace RightSizer.EndToEnd.Tests.Docs;

/// <summary>
/// The <c>shell-session</c> blocks of a Markdown document: each <c>$ command</c> line with the lines shown under it,
/// in document order. (The <c>console</c> blocks are the ones that run without a cluster, in Operator.Tests.)
/// </summary>
public static partial class ShellSession
{
    public static IReadOnlyList<(string Command, string Output)> Steps(string markdown)
    {
        var steps = new List<(string, string)>();
        foreach (Match block in Block().Matches(markdown))
        {
            string? command = null;
            var output = new List<string>();
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                if (line.StartsWith("$ ", StringComparison.Ordinal))
                {
                    if (command is not null)
                    {
                        steps.Add((command, string.Join('\n', output)));
                    }

                    command = line[2..];
                    output.Clear();
                }
                else
                {
                    output.Add(line);
                }
            }

            if (command is not null)
            {
                steps.Add((command, string.Join('\n', output)));
            }
        }

        return steps;
    }

    /// <summary>Splits a command line into words as a POSIX shell does for the docs' commands: spaces outside single quotes separate words, quotes are removed.</summary>
    public static IReadOnlyList<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var c in command)
        {
            Assert.That(c != '\\' || quoted, Is.True, $"a backslash outside quotes is the shell's escape; quote the word: {command}");
            if (c == '\'')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        Assert.That(quoted, Is.False, $"unbalanced quote in: {command}");
        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    [GeneratedRegex(@"```shell-session\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
