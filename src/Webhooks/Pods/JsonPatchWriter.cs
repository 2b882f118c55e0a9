using System.Buffers;
using System.Text.Json;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// A patch as the UTF-8 JSON the admission response carries, written in one pass. The buffer and writer are reused
/// per thread: the handler runs once per admission on pool threads, and the only allocation left is the result.
/// </summary>
public static class JsonPatchWriter
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] ToUtf8Bytes(IReadOnlyList<JsonPatchOperation> patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartArray();
        for (var i = 0; i < patch.Count; i++)
        {
            Write(writer, patch[i]);
        }

        writer.WriteEndArray();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, JsonPatchOperation operation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("op", operation.Op);
        writer.WriteString("path", operation.Path);
        writer.WritePropertyName("value");
        operation.Value.WriteTo(writer);
        writer.WriteEndObject();
    }
}
