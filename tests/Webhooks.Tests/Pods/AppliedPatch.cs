using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson;
using RightSizer.Webhooks.Admission;
using RightSizer.Webhooks.Pods;

namespace RightSizer.Webhooks.Tests.Pods;

/// <summary>Applies a patch with an RFC 6902 library, as the API server does, to a copy of the pod as sent.</summary>
internal static class AppliedPatch
{
    public static JsonObject Apply(JsonObject pod, IReadOnlyList<JsonPatchOperation> patch) =>
        Apply(pod, JsonPatchWriter.ToUtf8Bytes(patch));

    public static JsonObject Apply(JsonObject pod, byte[] patchJson)
    {
        var document = JsonSerializer.Deserialize<JsonPatchDocument>(patchJson)
            ?? throw new InvalidOperationException("the patch is JSON null");
        var copy = (JsonObject)pod.DeepClone();
        document.ApplyTo(copy);
        return copy;
    }

    public static PodView View(JsonObject pod) =>
        pod.Deserialize(AdmissionJsonContext.Default.PodView) ?? throw new InvalidOperationException("the pod is JSON null");

    public static string? MemoryOf(JsonObject pod, string list, int index, string map) =>
        pod["spec"]?[list]?[index]?["resources"]?[map]?["memory"]?.GetValue<string>();

    public static string? Env(JsonObject pod, int index, string name) =>
        (pod["spec"]?["containers"]?[index]?["env"] as JsonArray)?.LastOrDefault(e => e?["name"]?.GetValue<string>() == name)?["value"]?.GetValue<string>();
}
