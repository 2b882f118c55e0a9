using System.Globalization;
using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>Reads and writes <c>metadata.managedFields</c> (fieldsType FieldsV1, time as RFC 3339 seconds).</summary>
public static class ManagedFields
{
    public static List<ManagedFieldsEntry> Read(JsonObject obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        foreach (var entry in (obj["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var time = entry["time"]?.GetValue<string>() is { } text
                ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : DateTimeOffset.UnixEpoch;
            entries.Add(new ManagedFieldsEntry(
                entry["manager"]?.GetValue<string>() ?? "",
                entry["operation"]?.GetValue<string>() ?? ManagedFieldsEntry.Update,
                entry["apiVersion"]?.GetValue<string>() ?? "",
                time,
                FieldPaths.FromFieldsV1(entry["fieldsV1"] as JsonObject ?? []),
                entry["subresource"]?.GetValue<string>() ?? ""));
        }

        return entries;
    }

    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        var array = new JsonArray();
        foreach (var entry in entries.Where(e => e.Fields.Count > 0))
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
                ["time"] = entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldPaths.ToFieldsV1(entry.Fields),
            };
            if (entry.Subresource.Length > 0)
            {
                json["subresource"] = entry.Subresource;
            }

            array.Add(json);
        }

        metadata["managedFields"] = array;
    }
}
