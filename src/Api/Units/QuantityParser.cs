using System.Globalization;

namespace RightSizer.Api.Units;

/// <summary>Parses Kubernetes resource quantities into whole bytes, rounding fractions of a byte up as Kubernetes does.</summary>
internal static class QuantityParser
{
    private static readonly Dictionary<string, decimal> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["m"] = 0.001m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["E"] = 1e18m,
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
        ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    private static readonly Dictionary<string, decimal>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup =
        Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryParse(string? text, out Memory memory, out string error)
    {
        memory = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "quantity is empty";
            return false;
        }

        // Spans, not substrings: quantities are parsed on every admission and every reconcile.
        var s = text.AsSpan();
        var numberEnd = 0;
        while (numberEnd < s.Length && (char.IsAsciiDigit(s[numberEnd]) || s[numberEnd] is '.' or '+' or '-'))
        {
            numberEnd++;
        }

        var number = s[..numberEnd];
        var suffix = s[numberEnd..];
        decimal exponentFactor = 1m;
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E' && IsInteger(suffix[1..]))
        {
            var exponent = int.Parse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            if (exponent is < -18 or > 18)
            {
                error = $"quantity \"{text}\" is out of range";
                return false;
            }

            exponentFactor = Pow10(exponent);
            suffix = [];
        }

        if (number.Length == 0 || !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error = $"\"{text}\" is not a quantity (expected e.g. 512Mi, 1Gi or 134217728)";
            return false;
        }

        if (!SuffixLookup.TryGetValue(suffix, out var factor))
        {
            error = $"\"{text}\" has an unknown unit \"{suffix}\" (use Ki, Mi, Gi, Ti, k, M, G or T)";
            return false;
        }

        decimal bytes;
        try
        {
            bytes = decimal.Ceiling(value * factor * exponentFactor);
        }
        catch (OverflowException)
        {
            error = $"quantity \"{text}\" is out of range";
            return false;
        }

        if (bytes < long.MinValue || bytes > long.MaxValue)
        {
            error = $"quantity \"{text}\" is out of range";
            return false;
        }

        memory = new Memory((long)bytes);
        error = string.Empty;
        return true;
    }

    private static bool IsInteger(ReadOnlySpan<char> s)
    {
        var start = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        return s.Length > start && s[start..].IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10m;
        }

        return exponent >= 0 ? result : 1m / result;
    }
}
