using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>
/// What one request remembers between its two admission rounds (apiserver <c>webhookReinvokeContext</c>): the
/// <c>IfNeeded</c> webhooks invoked since the last change, those to call again in the second round, and the object
/// as the last webhook left it. A change by a webhook or a later plugin marks the earlier <c>IfNeeded</c> webhooks
/// for the second round; a webhook is not reinvoked for its own change.
/// </summary>
public sealed class WebhookReinvocationState
{
    private readonly HashSet<string> previouslyInvoked = new(StringComparer.Ordinal);
    private readonly HashSet<string> reinvoke = new(StringComparer.Ordinal);
    private JsonObject? lastOutput;

    /// <summary>Whether anything changed the object in the first round, so the chain must run a second time.</summary>
    public bool ShouldReinvoke { get; private set; }

    internal void StartRound(bool isReinvoke, JsonObject? current)
    {
        if (isReinvoke && lastOutput is not null && !JsonNode.DeepEquals(lastOutput, current))
        {
            RequireReinvokingPreviouslyInvoked();
        }
    }

    internal bool ShouldReinvokeWebhook(string uid) => reinvoke.Contains(uid);

    internal void Changed()
    {
        RequireReinvokingPreviouslyInvoked();
        ShouldReinvoke = true;
    }

    internal void Invoked(RegisteredWebhook webhook)
    {
        if (webhook.ReinvokeIfNeeded)
        {
            previouslyInvoked.Add(webhook.Uid);
        }
    }

    internal void EndRound(JsonObject? output) => lastOutput = (JsonObject?)output?.DeepClone();

    private void RequireReinvokingPreviouslyInvoked()
    {
        reinvoke.UnionWith(previouslyInvoked);
        previouslyInvoked.Clear();
    }
}
