using System.Text.Json;
using k8s;
using RightSizer.Api.V1alpha1;
using RightSizer.Webhooks.Admission;
using RightSizer.Webhooks.Validation;

namespace RightSizer.Webhooks.Policies;

/// <summary>
/// <c>/validate-rightsizer-io-v1alpha1-memorypolicy</c>: CREATE and UPDATE run the rules of <c>rightsizer validate</c>
/// and a rejection lists every problem with its YAML path. Fails closed: a policy we cannot read is refused.
/// </summary>
public sealed class MemoryPolicyValidationHandler : IAdmissionHandler<JsonElement>
{
    public const string Valid = "valid";
    public const string Invalid = "invalid";
    public const string Unreadable = "unreadable";
    public const string NotOurs = "not-memorypolicy";

    public MemoryPolicyValidationHandler()
    {
        // The first validation builds FluentValidation's rules and the client's reflection-based serializer, which can
        // take longer than the budget on a busy node; a policy refused for that reason would be refused for nothing.
        MemoryPolicyValidation.Validate(KubernetesJson.Deserialize<V1alpha1MemoryPolicy>(
            """{"metadata":{"name":"warm-up"},"spec":{"targetRef":{"kind":"Deployment","name":"warm-up"}}}"""));
    }

    public string Webhook => "memorypolicy-validation";

    public string Path => WebhookDefaults.ValidateMemoryPolicyPath;

    public bool FailsOpen => false;

    public AdmissionReview<JsonElement>? Read(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize(body, AdmissionJsonContext.Default.JsonReview);

    public AdmissionDecision Handle(AdmissionRequest<JsonElement> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uid = request.Uid ?? string.Empty;
        if (request.Kind is not { Group: V1alpha1MemoryPolicy.KubeGroup, Kind: V1alpha1MemoryPolicy.KubeKind })
        {
            return AdmissionDecision.Deny(uid, NotOurs, $"rightsizer: this webhook validates {V1alpha1MemoryPolicy.KubeKind}.{V1alpha1MemoryPolicy.KubeGroup}, not {request.Kind?.Kind}.{request.Kind?.Group}");
        }

        if (request.Operation is not ("CREATE" or "UPDATE"))
        {
            return AdmissionDecision.Allow(uid, Valid);
        }

        V1alpha1MemoryPolicy? policy;
        try
        {
            policy = request.Object is { ValueKind: JsonValueKind.Object } json ? KubernetesJson.Deserialize<V1alpha1MemoryPolicy>(json.GetRawText()) : null;
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 2 } p ? p[2..] : "(object)";
            return AdmissionDecision.Deny(uid, Unreadable, $"MemoryPolicy {request.Name} is invalid:\n{path}: {FirstSentence(e.Message)}");
        }

        if (policy is null)
        {
            return AdmissionDecision.Deny(uid, Unreadable, "rightsizer: the request has no MemoryPolicy object");
        }

        var problems = MemoryPolicyValidation.Validate(policy);
        if (problems.Count == 0)
        {
            return AdmissionDecision.Allow(uid, Valid);
        }

        var name = policy.Metadata?.Name ?? request.Name ?? "(unnamed)";
        return AdmissionDecision.Deny(uid, Invalid, $"MemoryPolicy {name} is invalid ({problems.Count} {(problems.Count == 1 ? "problem" : "problems")}):\n{string.Join('\n', problems)}");
    }

    // Any JSON is a JsonElement: a review that parses at all reaches Handle.
    public AdmissionDecision ObjectUnreadable(AdmissionRequest<JsonElement> request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AdmissionDecision.Deny(request.Uid ?? string.Empty, Unreadable, $"MemoryPolicy {request.Name} is invalid:\n{(path.Length > 2 ? path[2..] : "(object)")}: unreadable");
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
