using System.Text;
using System.Text.Json;

namespace RightSizer.Api.Text;

/// <summary>
/// Reads JSON strings through a fixed-size table of strings already read, so that values repeated across documents
/// (namespaces, label keys and values, owner names, images, kinds, quantities) are one string each instead of one per
/// document. The table is direct-mapped: a value's hash picks one slot, a hit returns the slot's string, a miss
/// allocates as usual and takes the slot over, so it stays bounded (the slots given and strings of at most
/// <see cref="MaxPooledBytes"/> bytes) however many distinct values pass, and a value seen once costs one slot for a
/// while. Only short unescaped ASCII values are pooled, since those can be compared to the string without decoding;
/// anything else is read as <see cref="Utf8JsonReader.GetString"/> reads it. Safe across threads: a slot is one
/// reference, read and replaced whole, and a hit is checked against the bytes before it is returned.
/// </summary>
public sealed class Utf8StringPool
{
    public const int MaxPooledBytes = 128;

    private readonly string?[] _table;

    /// <param name="slots">A power of two.</param>
    public Utf8StringPool(int slots)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "the number of slots must be a power of two");
        }

        _table = new string?[slots];
    }

    /// <summary>The string the reader is on (a value or a property name).</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxPooledBytes || !Ascii.IsValid(reader.ValueSpan))
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        var hash = new HashCode();
        hash.AddBytes(bytes);
        ref var slot = ref _table[hash.ToHashCode() & (_table.Length - 1)];
        var pooled = Volatile.Read(ref slot);
        if (pooled is not null && Ascii.Equals(bytes, pooled))
        {
            return pooled;
        }

        var read = Encoding.ASCII.GetString(bytes);
        Volatile.Write(ref slot, read);
        return read;
    }
}
