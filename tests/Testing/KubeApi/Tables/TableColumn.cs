using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Tables;

/// <summary>One column of a server-side Table and how to compute its cell from an object at a given time.</summary>
public sealed record TableColumn(string Name, string Type, string Format, string Description, int Priority, Func<JsonObject, DateTimeOffset, JsonNode?> Cell)
{
    public JsonObject Definition() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["format"] = Format,
        ["description"] = Description,
        ["priority"] = Priority,
    };
}
