using System.Text.RegularExpressions;

namespace RightSizer.Webhooks.Validation;

/// <summary>
/// Kubernetes' syntax for label keys and values (apimachinery's <c>IsQualifiedName</c> and <c>IsValidLabelValue</c>):
/// what the API server refuses in a selector, refused here too, with its reason.
/// </summary>
public static partial class LabelSyntax
{
    /// <summary>Longest label value, and longest name part of a key.</summary>
    public const int MaxNameLength = 63;

    /// <summary>Longest prefix of a key (a DNS subdomain).</summary>
    public const int MaxPrefixLength = 253;

    /// <summary>Null when <paramref name="key"/> is a valid label key (<c>[prefix/]name</c>), else why not.</summary>
    public static string? KeyProblem(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length == 0 || prefix.Length > MaxPrefixLength || !DnsSubdomain().IsMatch(prefix))
            {
                return $"label key '{key}': the prefix must be a lower-case DNS subdomain of at most {MaxPrefixLength} characters";
            }
        }

        return name.Length == 0 || name.Length > MaxNameLength || !Name().IsMatch(name)
            ? $"label key '{key}': the name must be 1 to {MaxNameLength} letters, digits, '-', '_' or '.', starting and ending with a letter or digit"
            : null;
    }

    /// <summary>Null when <paramref name="value"/> is a valid label value (empty allowed), else why not.</summary>
    public static string? ValueProblem(string value) =>
        value.Length > MaxNameLength
            ? $"label value '{Shorten(value)}': must be at most {MaxNameLength} characters (got {value.Length})"
            : value.Length > 0 && !Name().IsMatch(value)
                ? $"label value '{value}': must be letters, digits, '-', '_' or '.', starting and ending with a letter or digit"
                : null;

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..17] + "...";

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();
}
