using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>Posts an AdmissionReview to a webhook and returns its answer; failures to call are <see cref="WebhookCallException"/>.</summary>
public interface IWebhookCaller
{
    Task<JsonObject> CallAsync(JsonObject webhook, JsonObject review, CancellationToken cancellationToken);
}
