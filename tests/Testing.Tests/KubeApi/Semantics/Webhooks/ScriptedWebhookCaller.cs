using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Webhooks;

/// <summary>Answers each webhook by name with a script over the review it was sent; records the reviews.</summary>
internal sealed class ScriptedWebhookCaller(Func<string, JsonObject, JsonObject> answer) : IWebhookCaller
{
    public List<(string Webhook, JsonObject Review)> Calls { get; } = [];

    public Task<JsonObject> CallAsync(JsonObject webhook, JsonObject review, CancellationToken cancellationToken)
    {
        var name = webhook["name"]!.GetValue<string>();
        Calls.Add((name, review));
        return Task.FromResult(answer(name, review));
    }

    /// <summary>A well-formed v1 answer to <paramref name="review"/>, optionally with a JSON patch and warnings.</summary>
    public static JsonObject Allow(JsonObject review, string? patch = null, params string[] warnings)
    {
        var response = new JsonObject { ["uid"] = review["request"]!["uid"]!.GetValue<string>(), ["allowed"] = true };
        if (patch is not null)
        {
            response["patchType"] = "JSONPatch";
            response["patch"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(patch));
        }

        if (warnings.Length > 0)
        {
            response["warnings"] = new JsonArray([.. warnings.Select(w => (JsonNode)w)]);
        }

        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response };
    }
}
