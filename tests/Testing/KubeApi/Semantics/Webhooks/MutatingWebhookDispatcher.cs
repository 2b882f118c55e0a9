using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Patches;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>
/// Runs the mutating webhooks of one admission round as apiserver's mutating dispatcher does: in order, each
/// matching webhook is called (on a dry run only if its sideEffects are None or NoneOnDryRun, else 400), its answer
/// verified, a refusal returned as the webhook's status (<c>admission webhook "x" denied the request: …</c>), and its
/// JSONPatch applied to the object, after which defaulting runs again. failurePolicy Ignore forgives only call
/// failures (<see cref="WebhookCallException"/>); a patch that does not apply fails the request with 500 even then.
/// In the second round only <c>IfNeeded</c> webhooks that <see cref="WebhookReinvocationState"/> marked are called.
/// </summary>
public sealed class MutatingWebhookDispatcher(IWebhookCaller caller, Func<string> newUid)
{
    public async Task<WebhookDispatchResult> DispatchAsync(
        IReadOnlyList<RegisteredWebhook> webhooks,
        AdmissionAttributes attributes,
        JsonObject? namespaceLabels,
        Func<JsonObject, JsonObject>? defaulter,
        WebhookReinvocationState state,
        bool isReinvoke,
        CancellationToken cancellationToken)
    {
        var current = (JsonObject?)attributes.Object?.DeepClone();
        var warnings = new List<string>();
        var audit = new Dictionary<string, string>(StringComparer.Ordinal);
        var called = new List<string>();
        state.StartRound(isReinvoke, current);
        for (var index = 0; index < webhooks.Count; index++)
        {
            var hook = webhooks[index];
            var forCheck = attributes with { Object = current };
            if (!WebhookRuleMatcher.ShouldCall(hook.Webhook, forCheck, namespaceLabels) || (isReinvoke && !state.ShouldReinvokeWebhook(hook.Uid)))
            {
                continue;
            }

            called.Add(hook.Name);
            var round = isReinvoke ? 1 : 0;
            try
            {
                var patched = await CallAsync(hook, forCheck, warnings, audit, cancellationToken);
                if (patched is not null)
                {
                    var defaulted = defaulter is null ? patched : defaulter(patched);
                    if (!JsonNode.DeepEquals(defaulted, current))
                    {
                        state.Changed();
                    }

                    current = defaulted;
                }

                state.Invoked(hook);
            }
            catch (WebhookCallException e)
            {
                state.Invoked(hook);
                if (!hook.IgnoresCallFailures)
                {
                    throw new ApiStatusException(StatusErrors.InternalError(e.Message));
                }

                audit[string.Create(CultureInfo.InvariantCulture, $"mutation.webhook.admission.k8s.io/round_{round}_index_{index}")] = hook.Name;
            }
        }

        state.EndRound(current);
        return new WebhookDispatchResult(current, warnings, audit, called);
    }

    /// <summary>Calls one webhook; returns the patched object, or null when it left the object alone.</summary>
    private async Task<JsonObject?> CallAsync(RegisteredWebhook hook, AdmissionAttributes attributes, List<string> warnings, Dictionary<string, string> audit, CancellationToken cancellationToken)
    {
        if (attributes.DryRun)
        {
            var sideEffects = hook.Webhook["sideEffects"]?.GetValue<string>();
            if (sideEffects is null)
            {
                throw new WebhookCallException(hook.Name, "Webhook SideEffects is nil");
            }

            if (sideEffects is not ("None" or "NoneOnDryRun"))
            {
                throw new ApiStatusException(StatusErrors.BadRequest($"admission webhook \"{hook.Name}\" does not support dry run"));
            }
        }

        var uid = newUid();
        var review = AdmissionReviewBuilder.Build(attributes, uid);
        var answer = await caller.CallAsync(hook.Webhook, review, cancellationToken);
        var response = AdmissionResponseVerifier.Verify(hook.Name, uid, mutating: true, answer);
        foreach (var (key, value) in response.AuditAnnotations)
        {
            audit[hook.Name + "/" + key] = value;
        }

        warnings.AddRange(response.Warnings);
        if (!response.Allowed)
        {
            throw new ApiStatusException(Denied(hook.Name, response.Result));
        }

        if (response.Patch is not { Count: > 0 } patch)
        {
            return null;
        }

        if (attributes.Object is null)
        {
            throw new ApiStatusException(StatusErrors.InternalError($"admission webhook \"{hook.Name}\" attempted to modify the object, which is not supported for this operation"));
        }

        if (response.PatchType != "JSONPatch")
        {
            throw new WebhookCallException(hook.Name, $"unsupported patch type \"{response.PatchType}\"");
        }

        try
        {
            return JsonPatch.Apply(attributes.Object, patch) as JsonObject
                ?? throw new PatchException("json: cannot unmarshal into Go value of type map[string]interface {}");
        }
        catch (PatchException e)
        {
            throw new ApiStatusException(StatusErrors.InternalError(e.Message));
        }
    }

    /// <summary><c>webhookerrors.ToStatusErr</c>: the webhook's status, at least 400, its message prefixed with who denied it.</summary>
    public static ApiStatus Denied(string webhookName, JsonObject? result)
    {
        var deniedBy = $"admission webhook \"{webhookName}\" denied the request";
        var code = (int)CustomResources.JsonTypes.ToLong(result?["code"]);
        var message = result?["message"]?.GetValue<string>() ?? "";
        var reason = result?["reason"]?.GetValue<string>() ?? "";
        var text = message.Length > 0 ? $"{deniedBy}: {message}" : reason.Length > 0 ? $"{deniedBy}: {reason}" : deniedBy + " without explanation";
        return new ApiStatus(Math.Max(code, 400), StatusErrors.Failure, reason, text);
    }
}
