namespace RightSizer.Webhooks.Pods;

/// <summary>
/// The operations that set a container's memory. Each applies to the container as sent: a missing
/// <c>resources</c>, <c>requests</c> or <c>limits</c> is created whole, never written under; other resources such as
/// CPU are not touched.
/// </summary>
public static class ResourcesPatchBuilder
{
    private const string MemoryPointer = "/memory";

    public static void Build(ContainerTarget target, ICollection<JsonPatchOperation> patch)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(patch);
        if (!target.ChangesRequest && !target.ChangesLimit)
        {
            return;
        }

        var path = target.Slot.Path;
        var resources = target.Slot.Container.Resources;
        if (resources is null)
        {
            patch.Add(JsonPatchOperation.Add(path + "/resources", PatchValue.Resources(
                target.ChangesRequest ? target.Request.ToQuantity() : null,
                target.ChangesLimit ? target.Limit!.Value.ToQuantity() : null)));
            return;
        }

        if (target.ChangesRequest)
        {
            Set(patch, path, "/resources/requests", resources.Requests is not null, target.Request.ToQuantity());
        }

        if (target.ChangesLimit)
        {
            Set(patch, path, "/resources/limits", resources.Limits is not null, target.Limit!.Value.ToQuantity());
        }
    }

    // Each path is one concatenation of the container's path and constants.
    private static void Set(ICollection<JsonPatchOperation> patch, string containerPath, string map, bool mapExists, string quantity) =>
        patch.Add(mapExists
            ? JsonPatchOperation.Add(string.Concat(containerPath, map, MemoryPointer), PatchValue.Text(quantity))
            : JsonPatchOperation.Add(containerPath + map, PatchValue.MemoryMap(quantity)));
}
