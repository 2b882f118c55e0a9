using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Pods;

/// <summary>
/// What an eviction request comes to: delete the pod (answer <see cref="Status"/>, 201 Success) or refuse with it;
/// <see cref="UpdatedBudget"/> is the PodDisruptionBudget to write back through its status (one disruption spent,
/// the pod recorded in <c>status.disruptedPods</c>), null when none is spent or on a dry run.
/// </summary>
public sealed record EvictionDecision(bool DeletePod, ApiStatus Status, JsonObject? UpdatedBudget);
