using System.Globalization;
using System.Text.RegularExpressions;

namespace RightSizer.Testing.KubeApi.Semantics.Crds;

/// <summary>apimachinery's name checks (<c>IsDNS1123Subdomain</c>, <c>IsDNS1035Label</c>) with their messages.</summary>
public static partial class DnsNames
{
    private const string SubdomainFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const string LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?";

    public static IReadOnlyList<string> Dns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253)
        {
            errors.Add(MaxLength(253));
        }

        if (!Subdomain().IsMatch(value))
        {
            errors.Add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '" + SubdomainFormat + "')");
        }

        return errors;
    }

    public static IReadOnlyList<string> Dns1035Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add(MaxLength(63));
        }

        if (!Label().IsMatch(value))
        {
            errors.Add("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '" + LabelFormat + "')");
        }

        return errors;
    }

    private static string MaxLength(int length) => string.Create(CultureInfo.InvariantCulture, $"must be no more than {length} characters");

    [GeneratedRegex("^" + SubdomainFormat + "$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^" + LabelFormat + "$")]
    private static partial Regex Label();
}
