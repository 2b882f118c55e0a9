using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RightSizer.Testing.KubeApi.Semantics.Yaml;

/// <summary>
/// Resolves a plain (unquoted, untagged) YAML scalar the way go-yaml v2 does for kubectl (sigs.k8s.io/yaml): the
/// YAML 1.1 booleans (<c>y</c>, <c>Yes</c>, <c>on</c>, <c>Off</c> …), nulls, integers through Go's
/// <c>ParseInt(s, 0, 64)</c> after removing underscores (so <c>0755</c> is octal, <c>0x1F</c> hex, <c>0b101</c>
/// binary), floats by go-yaml's float pattern, and everything else (timestamps included) as a string.
/// </summary>
public static partial class YamlScalarResolver
{
    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.Ordinal)
    {
        ["y"] = true,
        ["Y"] = true,
        ["yes"] = true,
        ["Yes"] = true,
        ["YES"] = true,
        ["true"] = true,
        ["True"] = true,
        ["TRUE"] = true,
        ["on"] = true,
        ["On"] = true,
        ["ON"] = true,
        ["n"] = false,
        ["N"] = false,
        ["no"] = false,
        ["No"] = false,
        ["NO"] = false,
        ["false"] = false,
        ["False"] = false,
        ["FALSE"] = false,
        ["off"] = false,
        ["Off"] = false,
        ["OFF"] = false,
    };

    private static readonly HashSet<string> Nulls = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };

    /// <summary>Whether the resolved value is a JSON null (the C# null stands for it).</summary>
    public static bool IsNull(string plain) => Nulls.Contains(plain);

    /// <summary>The JSON value of a plain scalar; null for YAML null.</summary>
    public static JsonNode? Resolve(string plain)
    {
        if (Nulls.Contains(plain))
        {
            return null;
        }

        if (Booleans.TryGetValue(plain, out var boolean))
        {
            return JsonValue.Create(boolean);
        }

        if (plain is ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF"
            or ".nan" or ".NaN" or ".NAN")
        {
            // JSON has no infinity or NaN: go's json.Marshal refuses them, and so does kubectl.
            throw new KubeYamlException($"json: unsupported value: {plain}");
        }

        if (plain.Length > 0 && (char.IsAsciiDigit(plain[0]) || plain[0] is '+' or '-' or '.'))
        {
            var number = ResolveNumber(plain);
            if (number is not null)
            {
                return number;
            }
        }

        return JsonValue.Create(plain);
    }

    private static JsonValue? ResolveNumber(string plain)
    {
        var digits = plain.Replace("_", "", StringComparison.Ordinal);
        if (TryParseGoInt(digits, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (YamlFloat().IsMatch(digits) && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real == Math.Floor(real) && Math.Abs(real) < 1e15 ? JsonValue.Create((long)real) : JsonValue.Create(real);
        }

        return null;
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c>: sign, then a 0x/0o/0b prefix or a leading 0 for octal.</summary>
    private static bool TryParseGoInt(string text, out long value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var body = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        if (body.Length == 0)
        {
            return false;
        }

        var (radix, digits) = body switch
        {
            _ when body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => (16, body[2..]),
            _ when body.StartsWith("0o", StringComparison.OrdinalIgnoreCase) => (8, body[2..]),
            _ when body.StartsWith("0b", StringComparison.OrdinalIgnoreCase) => (2, body[2..]),
            _ when body.Length > 1 && body[0] == '0' => (8, body[1..]),
            _ => (10, body),
        };
        if (digits.Length == 0)
        {
            return false;
        }

        decimal magnitude = 0;
        foreach (var c in digits)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix)
            {
                return false;
            }

            magnitude = (magnitude * radix) + digit;
            if (magnitude > (decimal)long.MaxValue + 1)
            {
                return false;
            }
        }

        var signed = negative ? -magnitude : magnitude;
        if (signed > long.MaxValue || signed < long.MinValue)
        {
            return false;
        }

        value = (long)signed;
        return true;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();
}
