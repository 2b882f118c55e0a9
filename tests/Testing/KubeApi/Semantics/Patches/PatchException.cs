namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>A patch that cannot be applied; the message says why, in the patch library's words.</summary>
public sealed class PatchException(string message) : Exception(message);
