using System.Globalization;

namespace RightSizer.Api.Units;

/// <summary>
/// An amount of memory in bytes. Kubernetes quantities and Prometheus floats are parsed into this once, at the edge;
/// everything inside the engine works in bytes.
/// </summary>
public readonly record struct Memory(long Bytes) : IComparable<Memory>, ISpanFormattable
{
    public const long KiB = 1024;
    public const long MiB = 1024 * KiB;
    public const long GiB = 1024 * MiB;
    public const long TiB = 1024 * GiB;

    /// <summary>
    /// The CRD's pattern for the quantities <see cref="Parse"/> accepts: a signed decimal number and one of the suffixes
    /// it knows (binary Ki to Ei, decimal m, k, M, G, T, P, E, or an exponent up to ±18). Magnitudes beyond a long are
    /// left to the parser. RE2 syntax, as the API server's validator reads it.
    /// </summary>
    public const string QuantityPattern =
        "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?0*(1[0-8]|[0-9]))?$";

    public static Memory Zero => default;

    public double MiBValue => Bytes / (double)MiB;

    public static Memory FromBytes(double bytes) => new(checked((long)Math.Round(bytes, MidpointRounding.AwayFromZero)));

    public static Memory FromMiB(double mib) => FromBytes(mib * MiB);

    public static Memory FromGiB(double gib) => FromBytes(gib * GiB);

    /// <summary>Rounds up to a whole MiB, the granularity recommendations are published in.</summary>
    public Memory RoundUpToMiB() => new((Bytes + MiB - 1) / MiB * MiB);

    public static Memory Max(Memory a, Memory b) => a.Bytes >= b.Bytes ? a : b;

    public static Memory Min(Memory a, Memory b) => a.Bytes <= b.Bytes ? a : b;

    public int CompareTo(Memory other) => Bytes.CompareTo(other.Bytes);

    public static bool operator <(Memory a, Memory b) => a.Bytes < b.Bytes;

    public static bool operator >(Memory a, Memory b) => a.Bytes > b.Bytes;

    public static bool operator <=(Memory a, Memory b) => a.Bytes <= b.Bytes;

    public static bool operator >=(Memory a, Memory b) => a.Bytes >= b.Bytes;

    public static Memory operator +(Memory a, Memory b) => new(a.Bytes + b.Bytes);

    public static Memory operator -(Memory a, Memory b) => new(a.Bytes - b.Bytes);

    public static Memory operator *(Memory a, double factor) => FromBytes(a.Bytes * factor);

    /// <summary>Parses a Kubernetes quantity (<c>512Mi</c>, <c>1G</c>, <c>1.5Gi</c>, <c>134217728</c>, <c>1e9</c>).</summary>
    /// <exception cref="FormatException">The text is not a quantity; the message says why.</exception>
    public static Memory Parse(string text) =>
        TryParse(text, out var memory, out var error) ? memory : throw new FormatException(error);

    public static bool TryParse(string? text, out Memory memory) => TryParse(text, out memory, out _);

    /// <summary>Parses a Kubernetes quantity; <paramref name="error"/> says what is wrong when it returns false.</summary>
    public static bool TryParse(string? text, out Memory memory, out string error) =>
        QuantityParser.TryParse(text, out memory, out error);

    /// <summary>
    /// The shortest exact Kubernetes quantity: a binary suffix when the value is a whole number of KiB, MiB, GiB or
    /// TiB, else plain bytes. Values are never rounded here; round first when a coarser unit is wanted.
    /// </summary>
    public string ToQuantity() => string.Create(CultureInfo.InvariantCulture, $"{this}");

    /// <summary>Writes <see cref="ToQuantity"/> without a string of its own; the format and provider are not used.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var (value, suffix) = QuantityParts();
        if (!value.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture) || destination.Length - charsWritten < suffix.Length)
        {
            charsWritten = 0;
            return false;
        }

        suffix.AsSpan().CopyTo(destination[charsWritten..]);
        charsWritten += suffix.Length;
        return true;
    }

    /// <summary><see cref="ToQuantity"/>; the format and provider are not used.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToQuantity();

    private (long Value, string Suffix) QuantityParts()
    {
        if (Bytes != 0)
        {
            foreach (var (unit, suffix) in BinaryUnits)
            {
                if (Bytes % unit == 0)
                {
                    return (Bytes / unit, suffix);
                }
            }
        }

        return (Bytes, string.Empty);
    }

    /// <summary>A short human reading such as <c>1.5Gi</c> or <c>37.2Mi</c>, for reasons and tables; not exact.</summary>
    public string ToHuman()
    {
        var abs = Math.Abs((double)Bytes);
        var sign = Bytes < 0 ? "-" : string.Empty;
        foreach (var (unit, suffix) in BinaryUnits)
        {
            if (abs >= unit)
            {
                var value = abs / unit;
                var format = value >= 100 ? "0" : "0.#";
                return sign + value.ToString(format, CultureInfo.InvariantCulture) + suffix;
            }
        }

        return sign + abs.ToString("0", CultureInfo.InvariantCulture) + "B";
    }

    public override string ToString() => ToQuantity();

    private static readonly (long Unit, string Suffix)[] BinaryUnits =
        [(TiB, "Ti"), (GiB, "Gi"), (MiB, "Mi"), (KiB, "Ki")];
}
