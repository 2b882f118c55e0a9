namespace RightSizer.Operator.Cli;

/// <summary>Turns the parser's messages into the one-line form of docs/cli.md.</summary>
internal static class CliErrors
{
    /// <summary>The parser's message on one line, without a trailing full stop (the caller appends a hint).</summary>
    public static string Describe(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var text = lines.Length <= 1 ? message.Trim() : $"{lines[0]} {string.Join(", ", lines.Skip(1))}";
        return text.TrimEnd('.');
    }
}
