using System.Globalization;

namespace RightSizer.Testing.KubeApi.Semantics.Errors;

/// <summary>Numbers printed as Go's <c>fmt</c> prints them with <c>%v</c>, which the server's messages embed.</summary>
public static class GoFormat
{
    /// <summary><c>%v</c> of a float64: the shortest digits, in exponent form from 1e+06 up and below 1e-04.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = Decompose(shortest);
        var sign = value < 0 ? "-" : "";

        // %v is strconv's 'g' with the shortest digits, which switches to exponent form when exp < -4 || exp >= 6.
        if (exponent < -4 || exponent >= 6)
        {
            var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            var exp = Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
            return $"{sign}{mantissa}e{(exponent < 0 ? "-" : "+")}{exp}";
        }

        if (exponent < 0)
        {
            return sign + "0." + new string('0', -exponent - 1) + digits;
        }

        return exponent + 1 >= digits.Length
            ? sign + digits + new string('0', exponent + 1 - digits.Length)
            : sign + digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
    }

    /// <summary>The significant digits and the decimal exponent of a round-trip string such as <c>1.5E+21</c> or <c>0.001</c>.</summary>
    private static (string Digits, int Exponent) Decompose(string text)
    {
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? text : text[..e];
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? "" : mantissa[(point + 1)..];
        var all = (integerPart + fraction).TrimStart('0');
        var leadingZeros = (integerPart + fraction).Length - all.Length;
        var decimalExponent = exponent + integerPart.Length - 1 - leadingZeros;
        return (all.TrimEnd('0') is { Length: > 0 } trimmed ? trimmed : "0", decimalExponent);
    }
}
