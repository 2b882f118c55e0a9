using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>
/// Runs the validating webhooks after the object is complete (name generated, defaults and built-in validation
/// done): every matching webhook is asked, a refusal fails the request with the webhook's status, a call failure
/// fails it with 500 unless the webhook's failurePolicy is Ignore; validating webhooks may not patch.
/// </summary>
public sealed class ValidatingWebhookDispatcher(IWebhookCaller caller, Func<string> newUid)
{
    public async Task<WebhookDispatchResult> DispatchAsync(
        IReadOnlyList<RegisteredWebhook> webhooks,
        AdmissionAttributes attributes,
        JsonObject? namespaceLabels,
        CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var audit = new Dictionary<string, string>(StringComparer.Ordinal);
        var called = new List<string>();
        foreach (var hook in webhooks.Where(h => WebhookRuleMatcher.ShouldCall(h.Webhook, attributes, namespaceLabels)))
        {
            called.Add(hook.Name);
            try
            {
                if (attributes.DryRun && hook.Webhook["sideEffects"]?.GetValue<string>() is not ("None" or "NoneOnDryRun"))
                {
                    throw new ApiStatusException(StatusErrors.BadRequest($"admission webhook \"{hook.Name}\" does not support dry run"));
                }

                var uid = newUid();
                var answer = await caller.CallAsync(hook.Webhook, AdmissionReviewBuilder.Build(attributes, uid), cancellationToken);
                var response = AdmissionResponseVerifier.Verify(hook.Name, uid, mutating: false, answer);
                warnings.AddRange(response.Warnings);
                foreach (var (key, value) in response.AuditAnnotations)
                {
                    audit[hook.Name + "/" + key] = value;
                }

                if (!response.Allowed)
                {
                    throw new ApiStatusException(MutatingWebhookDispatcher.Denied(hook.Name, response.Result));
                }
            }
            catch (WebhookCallException e) when (!hook.IgnoresCallFailures)
            {
                throw new ApiStatusException(StatusErrors.InternalError(e.Message));
            }
            catch (WebhookCallException)
            {
                audit["validation.webhook.admission.k8s.io/failed-open"] = hook.Name;
            }
        }

        return new WebhookDispatchResult(attributes.Object, warnings, audit, called);
    }
}
