using System.Globalization;

namespace RightSizer.Testing.KubeApi.Semantics.Admission;

/// <summary>
/// A Kubernetes resource quantity as the admission plugins compare and print it (<c>resource.Quantity</c>): an exact
/// decimal value and the format it was written in; <see cref="ToString"/> is the canonical form Go prints
/// (<c>1Gi</c>, <c>1536Mi</c>, <c>500m</c>, <c>2k</c>).
/// </summary>
public readonly record struct Quantity(decimal Value, QuantityFormat Format) : IComparable<Quantity>
{
    private static readonly (string Suffix, decimal Factor)[] Binary =
    [
        ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024), ("Pi", 1024m * 1024 * 1024 * 1024 * 1024),
        ("Ti", 1024m * 1024 * 1024 * 1024), ("Gi", 1024m * 1024 * 1024), ("Mi", 1024m * 1024), ("Ki", 1024m),
    ];

    private static readonly (string Suffix, decimal Factor)[] Decimal =
    [
        ("E", 1e18m), ("P", 1e15m), ("T", 1e12m), ("G", 1e9m), ("M", 1e6m), ("k", 1e3m), ("", 1m), ("m", 1e-3m), ("u", 1e-6m), ("n", 1e-9m),
    ];

    public static Quantity Zero => new(0, QuantityFormat.DecimalSI);

    public static Quantity Parse(string text)
    {
        var s = text.Trim();
        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] is '.' or '+' or '-'))
        {
            end++;
        }

        if (end == 0 || !decimal.TryParse(s[..end], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': {text}");
        }

        var suffix = s[end..];
        foreach (var (binarySuffix, factor) in Binary)
        {
            if (suffix == binarySuffix)
            {
                return new(number * factor, QuantityFormat.BinarySI);
            }
        }

        foreach (var (decimalSuffix, factor) in Decimal)
        {
            if (suffix == decimalSuffix)
            {
                return new(number * factor, QuantityFormat.DecimalSI);
            }
        }

        if (suffix.Length > 1 && suffix[0] is 'e' or 'E' && int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
        {
            return new(number * (decimal)Math.Pow(10, exponent), QuantityFormat.DecimalExponent);
        }

        throw new FormatException($"unable to parse quantity's suffix: {text}");
    }

    public static Quantity operator +(Quantity a, Quantity b) => new(a.Value + b.Value, a.Value == 0 ? b.Format : a.Format);

    public static bool operator <(Quantity a, Quantity b) => a.Value < b.Value;

    public static bool operator >(Quantity a, Quantity b) => a.Value > b.Value;

    public static bool operator <=(Quantity a, Quantity b) => a.Value <= b.Value;

    public static bool operator >=(Quantity a, Quantity b) => a.Value >= b.Value;

    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    /// <summary>Go's canonical form: the largest suffix of the quantity's format that leaves a whole number.</summary>
    public override string ToString()
    {
        if (Value == 0)
        {
            return "0";
        }

        if (Format == QuantityFormat.BinarySI && decimal.Truncate(Value) == Value)
        {
            foreach (var (suffix, factor) in Binary)
            {
                if (Math.Abs(Value) >= factor && Value % factor == 0)
                {
                    return (Value / factor).ToString("0", CultureInfo.InvariantCulture) + suffix;
                }
            }

            return Value.ToString("0", CultureInfo.InvariantCulture);
        }

        foreach (var (suffix, factor) in Decimal)
        {
            var scaled = Value / factor;
            if (decimal.Truncate(scaled) == scaled && Math.Abs(scaled) >= 1)
            {
                return scaled.ToString("0", CultureInfo.InvariantCulture) + suffix;
            }
        }

        return Value.ToString(CultureInfo.InvariantCulture);
    }
}
