using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace RightSizer.Operator.Yaml;

/// <summary>
/// Writes a <see cref="DateTimeOffset"/> as the quoted RFC 3339 string the JSON output has
/// (<c>"2026-11-24T03:32:33+00:00"</c>), not as the struct's properties.
/// </summary>
public sealed class DateTimeOffsetYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
        throw new NotSupportedException("reports are written, not read");

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(emitter);
        emitter.Emit(value is DateTimeOffset time
            ? new Scalar(null, null, Rfc3339(time), ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true)
            : new Scalar(null, null, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
    }

    /// <summary>The JSON serializer's format, so YAML and JSON say the same.</summary>
    public static string Rfc3339(DateTimeOffset time) => System.Text.Json.JsonSerializer.Serialize(time).Trim('"');
}
