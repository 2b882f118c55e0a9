using System.Globalization;
using System.Text;

namespace RightSizer.Operator.Export;

/// <summary>Scalars written by hand into YAML text, safe for YAML 1.1 and 1.2 readers (kubectl reads 1.1).</summary>
public static class YamlText
{
    /// <summary>A double-quoted scalar: never read as a number, boolean or null (<c>0x4B</c>, <c>Off</c>).</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                < ' ' or '\u007f' => text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    /// <summary>A name as a plain scalar when that reads back as the same string, else quoted.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = name.Length > 0
            && (char.IsAsciiLetterOrDigit(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            && !LooksLikeOtherType(name);
        return plain ? name : Quote(name);
    }

    /// <summary>
    /// Whether a value may be written as a plain scalar in block context and read back as the same string by YAML 1.1
    /// and 1.2 readers: letters, digits and <c>_./+=-:</c> with inner spaces, no <c>": "</c> or <c>" #"</c>, and nothing
    /// that reads as a number, boolean or null.
    /// </summary>
    public static bool IsSafePlain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        static bool Plain(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '+' or '=' or '-';
        return value.Length > 0
            && Plain(value[0]) && Plain(value[^1])
            && value.All(c => Plain(c) || c is ':' or ' ')
            && !value.Contains(": ", StringComparison.Ordinal)
            && !LooksLikeOtherType(value)
            && !(value[0] == '-' && value.Length > 1 && value[1] == ' ');
    }

    /// <summary>The text as comment lines: every line starts with <c># </c>, whatever the text holds.</summary>
    public static void AppendComment(StringBuilder output, string indent, string text)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            output.Append(indent).Append("# ").Append(line.TrimEnd('\r')).Append('\n');
        }
    }

    private static bool LooksLikeOtherType(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || name.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("0o", StringComparison.OrdinalIgnoreCase)
        || ReservedWords.Contains(name);

    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };
}
