namespace RightSizer.Webhooks.Pods;

/// <summary>
/// The operations that set a container's memory. Each applies to the container as sent: a missing
/// <c>resources</c>, <c>requests</c> or <c>limits</c> is created whole, never written under; other resources such as
/// CPU are not touched.
/// </summary>
public static class ResourcesPatchBuilder
{
    private const string MemoryResource = "memory";

    public static void Build(ContainerTarget target, ICollection<JsonPatchOperation> patch)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(patch);
        if (!target.ChangesRequest && !target.ChangesLimit)
        {
            return;
        }

        var path = target.Slot.Path + "/resources";
        var resources = target.Slot.Container.Resources;
        if (resources is null)
        {
            patch.Add(JsonPatchOperation.Add(path, PatchValue.Resources(
                target.ChangesRequest ? target.Request.ToQuantity() : null,
                target.ChangesLimit ? target.Limit!.Value.ToQuantity() : null)));
            return;
        }

        if (target.ChangesRequest)
        {
            Set(patch, path + "/requests", resources.Requests is not null, target.Request.ToQuantity());
        }

        if (target.ChangesLimit)
        {
            Set(patch, path + "/limits", resources.Limits is not null, target.Limit!.Value.ToQuantity());
        }
    }

    private static void Set(ICollection<JsonPatchOperation> patch, string mapPath, bool mapExists, string quantity) =>
        patch.Add(mapExists
            ? JsonPatchOperation.Add(mapPath + "/" + MemoryResource, PatchValue.Text(quantity))
            : JsonPatchOperation.Add(mapPath, PatchValue.MemoryMap(quantity)));
}
