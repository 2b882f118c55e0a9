using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>
/// Checks a webhook's AdmissionReview answer as <c>VerifyAdmissionResponse</c> does (response present, same uid,
/// exactly <c>admission.k8s.io/v1</c> AdmissionReview, patch and patchType together, none from a validating webhook)
/// and decodes the base64 JSON patch. Every failure is a <see cref="WebhookCallException"/>.
/// </summary>
public static class AdmissionResponseVerifier
{
    public static AdmissionResponse Verify(string webhookName, string uid, bool mutating, JsonObject review)
    {
        if (review["response"] is not JsonObject response)
        {
            throw Invalid(webhookName, "webhook response was absent");
        }

        var responseUid = response["uid"]?.GetValue<string>() ?? "";
        if (responseUid != uid)
        {
            throw Invalid(webhookName, $"expected response.uid=\"{uid}\", got \"{responseUid}\"");
        }

        var apiVersion = review["apiVersion"]?.GetValue<string>() ?? "";
        var kind = review["kind"]?.GetValue<string>() ?? "";
        if (apiVersion != "admission.k8s.io/v1" || kind != "AdmissionReview")
        {
            throw Invalid(webhookName, $"expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got {GroupVersionKind(apiVersion, kind)}");
        }

        var patchText = response["patch"]?.GetValue<string>() ?? "";
        var hasPatchType = response.ContainsKey("patchType") && response["patchType"] is not null;
        var patchType = hasPatchType ? response["patchType"]!.GetValue<string>() : "";
        if (mutating)
        {
            if (patchText.Length > 0 && !hasPatchType)
            {
                throw Invalid(webhookName, "webhook returned response.patch but not response.patchType");
            }

            if (patchText.Length == 0 && hasPatchType)
            {
                throw Invalid(webhookName, "webhook returned response.patchType but not response.patch");
            }

            if (hasPatchType && patchType.Length == 0)
            {
                throw Invalid(webhookName, "webhook returned invalid response.patchType of \"\"");
            }
        }
        else
        {
            if (patchText.Length > 0)
            {
                throw Invalid(webhookName, "validating webhook may not return response.patch");
            }

            if (hasPatchType)
            {
                throw Invalid(webhookName, "validating webhook may not return response.patchType");
            }
        }

        var warnings = (response["warnings"] as JsonArray ?? []).Select(w => w?.GetValue<string>() ?? "").ToList();
        var audit = (response["auditAnnotations"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
        return new AdmissionResponse(
            response["allowed"]?.GetValueKind() == JsonValueKind.True,
            patchText.Length == 0 ? null : DecodePatch(webhookName, patchText),
            patchType,
            response["status"] as JsonObject,
            warnings,
            audit);
    }

    private static JsonArray DecodePatch(string webhookName, string base64)
    {
        try
        {
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return JsonNode.Parse(json) as JsonArray ?? throw new JsonException("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new WebhookCallException(webhookName, "received undecodable patch in webhook response: " + e.Message, e);
        }
    }

    private static WebhookCallException Invalid(string webhookName, string reason) =>
        new(webhookName, "received invalid webhook response: " + reason);

    private static string GroupVersionKind(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? $"/{apiVersion}, Kind={kind}" : $"{apiVersion[..slash]}/{apiVersion[(slash + 1)..]}, Kind={kind}";
    }
}
