using System.Text.Json;
using RightSizer.Webhooks.Admission;

namespace RightSizer.Webhooks.Pods;

/// <summary>A patch as the UTF-8 JSON the admission response carries, written in one pass; the only allocation is the result.</summary>
public static class JsonPatchWriter
{
    private static readonly JsonEncodedText OpName = JsonEncodedText.Encode("op");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");

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
        writer.WriteString(OpName, operation.Op);
        writer.WriteString(PathName, operation.Path);
        writer.WritePropertyName(ValueName);
        operation.Value.WriteTo(writer);
        writer.WriteEndObject();
    }
}
