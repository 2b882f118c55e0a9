using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>
/// What every registry strategy does to an object on create and update: system fields set and kept, status reset on the
/// main resource and the only thing a status write changes, generation 1 on create and +1 on a non-metadata change
/// (apiextensions' strategy.go and status_strategy.go; the apps and batch strategies compare spec alike).
/// </summary>
public static class ObjectRules
{
    private static readonly string[] SystemFields = ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion", "generation", "selfLink"];

    public static void PrepareForCreate(ResourceType type, JsonObject obj, DateTimeOffset now, Guid uid)
    {
        var metadata = ObjectMeta.Of(obj);
        foreach (var field in SystemFields)
        {
            metadata.Remove(field);
        }

        metadata["uid"] = uid.ToString();
        metadata["creationTimestamp"] = ObjectMeta.Timestamp(now);
        if (type.HasGeneration)
        {
            metadata["generation"] = 1;
        }

        if (type.HasStatus && (type.IsCustom || type.Group.Length > 0))
        {
            obj.Remove("status");
        }
    }

    /// <summary>A write to the main resource: system fields and status from the stored object, generation bumped on change.</summary>
    public static void PrepareForUpdate(ResourceType type, JsonObject old, JsonObject updated)
    {
        KeepSystemFields(old, updated);
        if (type.HasStatus)
        {
            if (old["status"] is { } status)
            {
                updated["status"] = status.DeepClone();
            }
            else
            {
                updated.Remove("status");
            }
        }

        if (type.HasGeneration)
        {
            var generation = ObjectMeta.Generation(old);
            ObjectMeta.Of(updated)["generation"] = NonMetadataChanged(old, updated) ? generation + 1 : generation;
        }
    }

    /// <summary>A write to /status: the stored object with only the new status; generation unchanged.</summary>
    public static JsonObject PrepareForStatusUpdate(JsonObject old, JsonObject updated)
    {
        var result = (JsonObject)old.DeepClone();
        if (updated["status"] is { } status)
        {
            result["status"] = status.DeepClone();
        }
        else
        {
            result.Remove("status");
        }

        if (updated["metadata"]?["managedFields"] is { } managed)
        {
            ObjectMeta.Of(result)["managedFields"] = managed.DeepClone();
        }

        return result;
    }

    private static void KeepSystemFields(JsonObject old, JsonObject updated)
    {
        var from = ObjectMeta.Of(old);
        var to = ObjectMeta.Of(updated);
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            if (from[field] is { } value)
            {
                to[field] = value.DeepClone();
            }
            else
            {
                to.Remove(field);
            }
        }

        if (from["generateName"] is { } generateName && to["generateName"] is null)
        {
            to["generateName"] = generateName.DeepClone();
        }
    }

    private static bool NonMetadataChanged(JsonObject old, JsonObject updated)
    {
        static JsonObject Strip(JsonObject obj)
        {
            var copy = (JsonObject)obj.DeepClone();
            copy.Remove("metadata");
            copy.Remove("status");
            copy.Remove("apiVersion");
            copy.Remove("kind");
            return copy;
        }

        return !JsonNode.DeepEquals(Strip(old), Strip(updated));
    }
}
