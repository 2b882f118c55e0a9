namespace RightSizer.Webhooks.Pods;

/// <summary>What mutation decided: the patch (empty when nothing changes), the warnings for kubectl and the reason code.</summary>
public sealed record PodMutation(IReadOnlyList<JsonPatchOperation> Patch, IReadOnlyList<string> Warnings, string Reason)
{
    public static PodMutation Skip(string reason, params string[] warnings) => new([], warnings, reason);
}
