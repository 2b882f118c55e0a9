using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>The policy that decides a pod's memory, with a warning when several matched.</summary>
public sealed record PolicyMatch(V1alpha1MemoryPolicy Policy, string? Warning);
