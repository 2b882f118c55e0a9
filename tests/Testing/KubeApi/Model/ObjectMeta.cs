using System.Globalization;
using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Model;

/// <summary>Reads and writes the metadata fields of an untyped object.</summary>
public static class ObjectMeta
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string Name(JsonObject obj) => Text(obj, "name");

    public static string Namespace(JsonObject obj) => Text(obj, "namespace");

    public static string GenerateName(JsonObject obj) => Text(obj, "generateName");

    public static string Uid(JsonObject obj) => Text(obj, "uid");

    public static long ResourceVersion(JsonObject obj) =>
        long.TryParse(Text(obj, "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : 0;

    public static long Generation(JsonObject obj) => obj["metadata"]?["generation"]?.GetValue<long>() ?? 0;

    public static bool IsDeleting(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) =>
        obj["metadata"]?["labels"] is JsonObject labels
            ? labels.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "")
            : new Dictionary<string, string>();

    public static IReadOnlyList<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray finalizers ? [.. finalizers.Select(f => f?.ToString() ?? "")] : [];

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string MicroTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(JsonNode? node) =>
        node is not null && DateTimeOffset.TryParse(node.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    private static string Text(JsonObject obj, string field) => obj["metadata"]?[field]?.ToString() ?? "";
}
