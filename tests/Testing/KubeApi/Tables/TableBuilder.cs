using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Tables;

/// <summary>
/// Builds meta.k8s.io/v1 Table responses (apiserver handlers/response.go asTable): column definitions, one row per
/// object with the object as PartialObjectMetadata (or whole with includeObject=Object, none with None).
/// </summary>
public sealed class TableBuilder
{
    private readonly TimeProvider _time;

    public TableBuilder(TimeProvider time) => _time = time;

    public static IReadOnlyList<TableColumn> Columns(ResourceType type) =>
        type.IsCustom ? CustomResourceColumns.For(type) : BuiltInColumns.For(type);

    /// <param name="includeHeaders">False for watch events after the first (the real server encodes them NoHeaders).</param>
    public JsonObject Build(ResourceType type, IReadOnlyList<JsonObject> objects, string includeObject, bool includeHeaders, JsonObject? listMetadata)
    {
        var columns = Columns(type);
        var now = _time.GetUtcNow();
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var row = new JsonObject { ["cells"] = new JsonArray([.. columns.Select(c => c.Cell(obj, now))]) };
            var embedded = includeObject switch
            {
                "None" => null,
                "Object" => obj.DeepClone(),
                _ => new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                },
            };
            if (embedded is not null)
            {
                row["object"] = embedded;
            }

            rows.Add(row);
        }

        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMetadata?.DeepClone() ?? new JsonObject(),
        };
        if (includeHeaders)
        {
            table["columnDefinitions"] = new JsonArray([.. columns.Select(c => (JsonNode)c.Definition())]);
        }

        table["rows"] = rows;
        return table;
    }
}
