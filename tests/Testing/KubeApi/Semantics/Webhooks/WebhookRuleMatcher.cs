using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Selectors;

namespace RightSizer.Testing.KubeApi.Semantics.Webhooks;

/// <summary>
/// Whether a webhook is called for a request (apiserver <c>webhook/predicates</c>): one of its rules matches the
/// operation, group, version, resource with subresource (<c>pods</c>, <c>pods/*</c>, <c>*/status</c>, <c>*</c>) and
/// scope; the namespaceSelector matches the namespace's labels (the object's own for a Namespace; skipped for other
/// cluster-scoped resources); the objectSelector matches the object's or the old object's labels. Webhook
/// configurations themselves are never sent to webhooks.
/// </summary>
public static class WebhookRuleMatcher
{
    private static readonly string[] ExemptKinds =
    [
        "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
    ];

    public static bool ShouldCall(JsonObject webhook, AdmissionAttributes attributes, JsonObject? namespaceLabels)
    {
        if (attributes.Group == "admissionregistration.k8s.io" && ExemptKinds.Contains(attributes.Kind))
        {
            return false;
        }

        return (webhook["rules"] as JsonArray ?? []).OfType<JsonObject>().Any(r => RuleMatches(r, attributes))
            && NamespaceMatches(webhook["namespaceSelector"] as JsonObject, attributes, namespaceLabels)
            && ObjectMatches(webhook["objectSelector"] as JsonObject, attributes);
    }

    public static bool RuleMatches(JsonObject rule, AdmissionAttributes attributes) =>
        Scope(rule, attributes)
        && ExactOrWildcard(rule["operations"], attributes.Operation)
        && ExactOrWildcard(rule["apiGroups"], attributes.Group)
        && ExactOrWildcard(rule["apiVersions"], attributes.Version)
        && Resource(rule, attributes);

    private static bool Scope(JsonObject rule, AdmissionAttributes attributes)
    {
        var isNamespaceResource = attributes.Group.Length == 0 && attributes.Version == "v1" && attributes.Resource == "namespaces";
        return (rule["scope"]?.GetValue<string>() ?? "*") switch
        {
            "*" => true,
            "Namespaced" => !isNamespaceResource && attributes.Namespace.Length > 0,
            "Cluster" => isNamespaceResource || attributes.Namespace.Length == 0,
            _ => false,
        };
    }

    private static bool ExactOrWildcard(JsonNode? items, string requested) =>
        (items as JsonArray ?? []).Any(i => i?.GetValue<string>() is "*" || i?.GetValue<string>() == requested);

    private static bool Resource(JsonObject rule, AdmissionAttributes attributes) =>
        (rule["resources"] as JsonArray ?? []).Select(r => r?.GetValue<string>() ?? "").Any(entry =>
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var (resource, subresource) = slash < 0 ? (entry, "") : (entry[..slash], entry[(slash + 1)..]);
            return (resource == "*" || resource == attributes.Resource) && (subresource == "*" || subresource == attributes.Subresource);
        });

    private static bool NamespaceMatches(JsonObject? selector, AdmissionAttributes attributes, JsonObject? namespaceLabels)
    {
        var labels = LabelSelector.FromObject(selector);
        if (selector is null || labels.IsEmpty)
        {
            return true;
        }

        if (attributes.Group.Length == 0 && attributes.Resource == "namespaces")
        {
            return labels.MatchesLabels(attributes.Object?["metadata"]?["labels"] as JsonObject ?? attributes.OldObject?["metadata"]?["labels"] as JsonObject);
        }

        return attributes.Namespace.Length == 0 || labels.MatchesLabels(namespaceLabels);
    }

    private static bool ObjectMatches(JsonObject? selector, AdmissionAttributes attributes)
    {
        var labels = LabelSelector.FromObject(selector);
        if (selector is null || labels.IsEmpty)
        {
            return true;
        }

        return (attributes.Object is not null && labels.Matches(attributes.Object))
            || (attributes.OldObject is not null && labels.Matches(attributes.OldObject));
    }
}
