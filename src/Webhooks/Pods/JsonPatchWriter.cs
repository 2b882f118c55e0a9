using System.Text.Json;
using RightSizer.Webhooks.Admission;

namespace RightSizer.Webhooks.Pods;

/// <summary>A patch as the UTF-8 JSON the admission response carries, written in one pass; the only allocation is the result.</summary>
public static class JsonPatchWriter
{
    public static byte[] ToUtf8Bytes(IReadOnlyList<JsonPatchOperation> patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var writer = ThreadJsonBuffer.Start();
        writer.WriteStartArray();
        for (var i = 0; i < patch.Count; i++)
        {
            Write(writer, patch[i]);
        }

        writer.WriteEndArray();
        return ThreadJsonBuffer.Written(writer).ToArray();
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
