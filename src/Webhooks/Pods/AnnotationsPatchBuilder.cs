using System.Text;
using System.Text.Json;
using RightSizer.Webhooks.Admission;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// Records on the pod what was applied (<c>rightsizer.io/applied: policy@generation</c>) and the container values it
/// replaced, so people and Recreate mode can see where a pod's memory came from.
/// </summary>
public static class AnnotationsPatchBuilder
{
    public const string Applied = "rightsizer.io/applied";
    public const string Previous = "rightsizer.io/previous-memory";
    private const string AnnotationsPath = "/metadata/annotations";
    private static readonly JsonEncodedText RequestName = JsonEncodedText.Encode("request");
    private static readonly JsonEncodedText LimitName = JsonEncodedText.Encode("limit");

    public static void Build(PodMetadataView? metadata, string applied, IReadOnlyList<ContainerTarget> changed, ICollection<JsonPatchOperation> patch)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(patch);
        var previous = PreviousMemory(changed);
        if (metadata is null)
        {
            patch.Add(JsonPatchOperation.Add("/metadata", PatchValue.Metadata(Applied, applied, Previous, previous)));
        }
        else if (metadata.Annotations is null)
        {
            patch.Add(JsonPatchOperation.Add(AnnotationsPath, PatchValue.Annotations(Applied, applied, Previous, previous)));
        }
        else
        {
            SetIfDifferent(metadata.Annotations, Applied, applied, patch);
            SetIfDifferent(metadata.Annotations, Previous, previous, patch);
        }
    }

    private static void SetIfDifferent(IReadOnlyDictionary<string, string> annotations, string key, string value, ICollection<JsonPatchOperation> patch)
    {
        if (annotations.GetValueOrDefault(key) != value)
        {
            patch.Add(JsonPatchOperation.Add(JsonPointer.Append(AnnotationsPath, key), PatchValue.Text(value)));
        }
    }

    // {"app":{"request":"200Mi","limit":"400Mi"},"proxy":{}}: one member per container name, in the order first
    // seen, with the values of the last target of that name.
    private static string PreviousMemory(IReadOnlyList<ContainerTarget> changed)
    {
        var writer = ThreadJsonBuffer.Start();
        writer.WriteStartObject();
        for (var i = 0; i < changed.Count; i++)
        {
            var name = changed[i].Slot.Name;
            if (IndexOfName(changed, name, 0, i) >= 0)
            {
                continue;
            }

            var target = changed[LastIndexOfName(changed, name, i)];
            writer.WriteStartObject(name);
            if (target.CurrentRequest is { } request)
            {
                writer.WriteString(RequestName, request.ToQuantity());
            }

            if (target.CurrentLimit is { } limit)
            {
                writer.WriteString(LimitName, limit.ToQuantity());
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        return Encoding.UTF8.GetString(ThreadJsonBuffer.Written(writer));
    }

    private static int IndexOfName(IReadOnlyList<ContainerTarget> targets, string name, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (targets[i].Slot.Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOfName(IReadOnlyList<ContainerTarget> targets, string name, int start)
    {
        var last = start;
        for (var i = start + 1; i < targets.Count; i++)
        {
            if (targets[i].Slot.Name == name)
            {
                last = i;
            }
        }

        return last;
    }
}
