using System.Text.Json;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Tables;

/// <summary>
/// The columns of a custom resource as apiextensions' tableconvertor builds them: Name, then every
/// additionalPrinterColumns entry (or Age when there are none); cells are the first JSONPath result, missing → null,
/// dates → age strings.
/// </summary>
public static class CustomResourceColumns
{
    public static IReadOnlyList<TableColumn> For(ResourceType type)
    {
        if (type.CustomVersion?["additionalPrinterColumns"] is not JsonArray { Count: > 0 } printerColumns)
        {
            return [BuiltInColumns.Name, new TableColumn("Age", "date", "", BuiltInColumns.Age.Description, 0, DateCell(JsonPath.Parse(".metadata.creationTimestamp")))];
        }

        var columns = new List<TableColumn> { BuiltInColumns.Name };
        foreach (var column in printerColumns.OfType<JsonObject>())
        {
            var path = column["jsonPath"]?.ToString() ?? "";
            var columnType = column["type"]?.ToString() ?? "string";
            var description = column["description"]?.ToString() is { Length: > 0 } text
                ? text
                : $"Custom resource definition column (in JSONPath format): {path}";
            var jsonPath = JsonPath.Parse(path);
            columns.Add(new TableColumn(
                column["name"]?.ToString() ?? "",
                columnType,
                column["format"]?.ToString() ?? "",
                description,
                column["priority"]?.GetValue<int>() ?? 0,
                columnType == "date" ? DateCell(jsonPath) : ValueCell(jsonPath, columnType)));
        }

        return columns;
    }

    private static Func<JsonObject, DateTimeOffset, JsonNode?> DateCell(JsonPath path) => (obj, now) =>
        First(path, obj) is { } value && ObjectMeta.ParseTime(value) is { } time ? HumanDuration.Format(now - time) : null;

    private static Func<JsonObject, DateTimeOffset, JsonNode?> ValueCell(JsonPath path, string columnType) => (obj, _) =>
    {
        var value = First(path, obj);
        if (value is null)
        {
            return null;
        }

        return columnType switch
        {
            "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString(),
            "integer" when value is JsonValue v && v.TryGetValue<long>(out var whole) => whole,
            "number" when value is JsonValue v && v.TryGetValue<double>(out var number) => number,
            "boolean" when value is JsonValue v && v.TryGetValue<bool>(out var flag) => flag,
            _ => value.DeepClone(),
        };
    };

    private static JsonNode? First(JsonPath path, JsonObject obj)
    {
        var results = path.Evaluate(obj);
        return results.Count == 0 ? null : results[0];
    }
}
