using System.Buffers;
using System.Text.Json;

namespace RightSizer.Webhooks.Admission;

/// <summary>
/// A UTF-8 JSON writer and its buffer, one per thread, for the small documents written on every admission (the patch,
/// the previous-memory annotation). A caller writes synchronously and copies the result out before it starts another
/// document: the buffer is overwritten by the next <see cref="Start"/> on the same thread.
/// </summary>
internal static class ThreadJsonBuffer
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static Utf8JsonWriter Start()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        return writer;
    }

    public static ReadOnlySpan<byte> Written(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Flush();
        return t_buffer!.WrittenSpan;
    }
}
