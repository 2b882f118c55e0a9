namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>
/// apiserver's <c>ErrCallingWebhook</c>: the webhook could not be called or answered something unusable. Only this
/// kind of failure is forgiven by <c>failurePolicy: Ignore</c>.
/// </summary>
public sealed class WebhookCallException(string webhookName, string reason, Exception? inner = null)
    : Exception($"failed calling webhook \"{webhookName}\": {reason}", inner)
{
    public string WebhookName { get; } = webhookName;
}
