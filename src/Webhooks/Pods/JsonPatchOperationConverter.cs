using System.Text.Json;
using System.Text.Json.Serialization;

namespace RightSizer.Webhooks.Pods;

/// <summary>Writes an operation as <c>{"op", "path", "value"}</c>. Patches are only ever written by us, never read.</summary>
public sealed class JsonPatchOperationConverter : JsonConverter<JsonPatchOperation>
{
    public override JsonPatchOperation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("JSON Patch operations are written, not read");

    public override void Write(Utf8JsonWriter writer, JsonPatchOperation value, JsonSerializerOptions options) =>
        JsonPatchWriter.Write(writer, value);
}
