using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>One webhook of a Mutating- or ValidatingWebhookConfiguration; <see cref="Uid"/> tells webhooks apart across rounds.</summary>
public sealed record RegisteredWebhook(string ConfigurationName, JsonObject Webhook)
{
    public string Name => Webhook["name"]?.GetValue<string>() ?? "";

    public string Uid => ConfigurationName + "/" + Name;

    /// <summary><c>Fail</c> unless set to <c>Ignore</c> (the v1 default).</summary>
    public bool IgnoresCallFailures => Webhook["failurePolicy"]?.GetValue<string>() == "Ignore";

    public bool ReinvokeIfNeeded => Webhook["reinvocationPolicy"]?.GetValue<string>() == "IfNeeded";

    /// <summary>All webhooks of the given configurations, configurations by name and webhooks in their listed order, as the server sorts them.</summary>
    public static IReadOnlyList<RegisteredWebhook> From(IEnumerable<JsonObject> configurations) =>
        [.. configurations
            .OrderBy(c => c["metadata"]?["name"]?.GetValue<string>() ?? "", StringComparer.Ordinal)
            .SelectMany(c => (c["webhooks"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(w => new RegisteredWebhook(c["metadata"]?["name"]?.GetValue<string>() ?? "", w)))];
}
