using System.Text.RegularExpressions;

namespace RightSizer.Operator.Yaml;

/// <summary>
/// Which strings a YAML reader would take for something else if written plain. kubectl and the API server read YAML
/// as YAML 1.1 (sigs.k8s.io/yaml over go-yaml v2), where <c>Off</c>, <c>yes</c> and <c>y</c> are booleans, <c>0x10</c>
/// and <c>010</c> integers, <c>1:30</c> a sexagesimal number and <c>2026-01-01</c> a timestamp; YAML 1.2 readers add
/// <c>0o17</c>. A string matching any of them must be quoted to stay a string.
/// </summary>
public static partial class Yaml11Scalars
{
    public static bool NeedsQuotes(string value) =>
        value.Length == 0 || Special().IsMatch(value) || Number().IsMatch(value) || Timestamp().IsMatch(value);

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|<<|=)$", RegexOptions.CultureInvariant)]
    private static partial Regex Special();

    // Integers in every base YAML 1.1 or 1.2 knows, floats with exponents, .inf and .nan, sexagesimal forms, with the
    // underscores YAML 1.1 allows between digits.
    [GeneratedRegex(@"^[-+]?(0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9][0-9_]*([eE][-+]?[0-9]+)?|\.(inf|Inf|INF))$|^\.(nan|NaN|NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
