namespace RightSizer.Testing.KubeApi.Semantics.Pods;

/// <summary>What the kubelet does with a pod's resize: allocate it now, or leave it PodResizePending with this reason and message.</summary>
/// <param name="PendingReason">Null when the resize fits; <c>Deferred</c> or <c>Infeasible</c> otherwise.</param>
public sealed record ResizeVerdict(string? PendingReason, string Message)
{
    public const string Deferred = "Deferred";
    public const string Infeasible = "Infeasible";

    public static ResizeVerdict Fits { get; } = new(null, "");

    public bool Allocates => PendingReason is null;
}
