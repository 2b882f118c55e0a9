using System.Text.Json.Nodes;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// Records on the pod what was applied (<c>rightsizer.io/applied: policy@generation</c>) and the container values it
/// replaced, so people and Recreate mode can see where a pod's memory came from.
/// </summary>
public static class AnnotationsPatchBuilder
{
    public const string Applied = "rightsizer.io/applied";
    public const string Previous = "rightsizer.io/previous-memory";

    public static void Build(PodMetadataView? metadata, string applied, IEnumerable<ContainerTarget> changed, ICollection<JsonPatchOperation> patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var previous = new JsonObject();
        foreach (var target in changed)
        {
            var values = new JsonObject();
            if (target.CurrentRequest is { } request)
            {
                values["request"] = request.ToQuantity();
            }

            if (target.CurrentLimit is { } limit)
            {
                values["limit"] = limit.ToQuantity();
            }

            previous[target.Slot.Name] = values;
        }

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Applied] = applied,
            [Previous] = previous.ToJsonString(),
        };
        if (metadata is null)
        {
            patch.Add(JsonPatchOperation.Add("/metadata", new JsonObject { ["annotations"] = ToObject(annotations) }));
        }
        else if (metadata.Annotations is null)
        {
            patch.Add(JsonPatchOperation.Add("/metadata/annotations", ToObject(annotations)));
        }
        else
        {
            foreach (var (key, value) in annotations.Where(a => metadata.Annotations.GetValueOrDefault(a.Key) != a.Value))
            {
                patch.Add(JsonPatchOperation.Add(JsonPointer.Append("/metadata/annotations", key), JsonValue.Create(value)));
            }
        }
    }

    private static JsonObject ToObject(Dictionary<string, string> values) =>
        new(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value))));
}
