using System.Text.Json.Nodes;

namespace RightSizer.Testing.Fuzzing;

/// <summary>Random edits of a JSON document for fuzz loops: a node replaced by a hostile value, removed, or duplicated.</summary>
public static class JsonMutator
{
    private static readonly JsonNode?[] Replacements =
    [
        null, true, 0, -1, 1e308, "", "0", "-1Gi", "1e19", "999Ei", "Mi", "🚀", "~/", new JsonArray(), new JsonObject(),
        new JsonArray(new JsonArray(new JsonArray((JsonNode?)null))), new JsonObject { ["memory"] = "1Gi" }, new string('x', 10_000),
    ];

    // Picks a random node in the document and replaces, removes or duplicates it.
    public static void Mutate(JsonObject document, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var nodes = new List<JsonNode>();
        Collect(document, nodes);
        var target = nodes[random.Next(nodes.Count)];
        if (target.Parent is not { } parent)
        {
            return;
        }

        var replacement = Replacements[random.Next(Replacements.Length)]?.DeepClone();
        switch (parent, random.Next(3))
        {
            case (JsonObject map, 0):
                map.Remove(target.GetPropertyName());
                break;
            case (JsonArray list, 0):
                list.Add(target.DeepClone());
                break;
            case (JsonObject map, _):
                map[target.GetPropertyName()] = replacement;
                break;
            case (JsonArray list, _):
                list[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        var children = node switch
        {
            JsonObject map => map.Select(p => p.Value),
            JsonArray list => list.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            Collect(child, nodes);
        }
    }
}
