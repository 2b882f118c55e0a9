using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>A verified webhook answer: allowed or not, the decoded JSON patch (if any), the rejection status, warnings and audit annotations.</summary>
public sealed record AdmissionResponse(
    bool Allowed,
    JsonArray? Patch,
    string PatchType,
    JsonObject? Result,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string> AuditAnnotations);
