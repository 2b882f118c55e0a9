using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Admission;

/// <summary>An admitted pod's effect on the namespace's quotas: each quota with its <c>status.used</c> raised by the pod.</summary>
public sealed record QuotaDecision(IReadOnlyList<JsonObject> UpdatedQuotas);
