using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>
/// The outcome of the webhooks of one round: the (possibly patched) object, the warnings for the client's
/// <c>Warning</c> headers, the audit annotations (<c>&lt;webhook&gt;/&lt;key&gt;</c>, and <c>failed-open</c> notes),
/// and the webhooks that were called, in order.
/// </summary>
public sealed record WebhookDispatchResult(
    JsonObject? Object,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string> AuditAnnotations,
    IReadOnlyList<string> Called);
