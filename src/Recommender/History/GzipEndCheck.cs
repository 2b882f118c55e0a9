using System.Buffers.Binary;

namespace RightSizer.Recommender.History;

/// <summary>
/// Counts the bytes a gzip stream decompresses to, so that a file cut short can be told from a whole one.
/// .NET's <see cref="System.IO.Compression.GZipStream"/> ends quietly when the input stops at a flush point; a whole
/// file ends with its uncompressed size modulo 2^32 (RFC 1952, ISIZE), which a cut file does not carry.
/// </summary>
internal sealed class GzipEndCheck(Stream decompressed) : Stream
{
    private long _count;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _count; set => throw new NotSupportedException(); }

    /// <summary>True when the file's last four bytes hold the size decompressed so far (call after reading to the end).</summary>
    public bool EndsWhole(Stream file)
    {
        if (file.Length < 18)
        {
            return false;
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(trailer);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer) == (uint)_count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(decompressed.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(decompressed.Read(buffer));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decompressed.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int read)
    {
        _count += read;
        return read;
    }
}
