using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.CustomResources;

/// <summary>
/// The create/update rules of apiextensions' custom resource strategy (<c>strategy.go</c>, <c>status_strategy.go</c>):
/// create sets generation 1 and drops status when the status subresource exists; a main-resource update keeps the
/// old status and bumps generation only when something other than metadata changed; a <c>/status</c> update takes
/// only the new status (and managedFields) and never bumps generation.
/// </summary>
public static class CustomResourceStrategy
{
    public static JsonObject PrepareForCreate(JsonObject obj, bool hasStatusSubresource)
    {
        var created = (JsonObject)obj.DeepClone();
        if (hasStatusSubresource)
        {
            created.Remove("status");
        }

        Metadata(created)["generation"] = 1L;
        return created;
    }

    public static JsonObject PrepareForUpdate(JsonObject old, JsonObject updated, bool hasStatusSubresource)
    {
        var result = (JsonObject)updated.DeepClone();
        if (hasStatusSubresource)
        {
            result.Remove("status");
            if (old["status"] is { } oldStatus)
            {
                result["status"] = oldStatus.DeepClone();
            }
        }

        var generation = JsonTypes.ToLong(old["metadata"]?["generation"]);
        Metadata(result)["generation"] = JsonNode.DeepEquals(WithoutMetadata(old), WithoutMetadata(result)) ? generation : generation + 1;
        return result;
    }

    public static JsonObject PrepareForStatusUpdate(JsonObject old, JsonObject updated)
    {
        var result = (JsonObject)old.DeepClone();
        if (updated["metadata"]?["managedFields"] is { } managedFields)
        {
            Metadata(result)["managedFields"] = managedFields.DeepClone();
        }

        result.Remove("status");
        if (updated["status"] is { } status)
        {
            result["status"] = status.DeepClone();
        }

        return result;
    }

    private static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        return metadata;
    }

    private static JsonObject WithoutMetadata(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("metadata");
        return copy;
    }
}
