using System.Text.Json;
using RightSizer.Webhooks.Admission;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// <c>/mutate--v1-pod</c>: reads the pod and its namespace's policies, LimitRanges and quotas from the watch-fed
/// cache and answers with the mutator's patch. Fails open: anything unexpected admits the pod unchanged, with a
/// warning. A dry run is answered exactly like a real one (there are no side effects to skip).
/// </summary>
public sealed class PodMutationHandler : IAdmissionHandler<PodView>
{
    private readonly IAdmissionCache _cache;

    public PodMutationHandler(IAdmissionCache cache)
    {
        _cache = cache;
    }

    public string Webhook => "pod-mutation";

    public string Path => WebhookDefaults.MutatePodPath;

    public bool FailsOpen => true;

    // The reader made for the review as the API server sends it; a body it declines, the generated serializer reads.
    public AdmissionReview<PodView>? Read(ReadOnlySpan<byte> body) =>
        PodReviewReader.TryRead(body, out var review) ? review : JsonSerializer.Deserialize(body, AdmissionJsonContext.Default.PodReview);

    public AdmissionDecision Handle(AdmissionRequest<PodView> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uid = request.Uid ?? string.Empty;
        if (request.Kind is not { Group: "" or null, Kind: "Pod" } || request.Resource is not { Resource: "pods" })
        {
            return Open(uid, MutationReasons.UnknownKind, $"expected a Pod, got {request.Kind?.Group}/{request.Kind?.Version} {request.Kind?.Kind}");
        }

        if (request.Operation != "CREATE" || !string.IsNullOrEmpty(request.SubResource))
        {
            return AdmissionDecision.Allow(uid, MutationReasons.NotCreate);
        }

        if (!_cache.HasSynced)
        {
            return Open(uid, MutationReasons.CacheNotSynced, "the policy cache is still loading");
        }

        var pod = request.Object;
        var @namespace = request.Namespace is { Length: > 0 } ns ? ns : pod?.Metadata?.Namespace;
        if (pod is null || string.IsNullOrEmpty(@namespace))
        {
            return Open(uid, MutationReasons.MalformedPod, "the request has no pod object or namespace");
        }

        var context = new PodMutationContext(
            @namespace,
            _cache.MemoryPolicies(@namespace),
            WorkloadOwnerResolver.Resolve(pod.Metadata, @namespace, _cache),
            MemoryLimitRange.From(_cache.LimitRanges(@namespace)),
            QuotaHeadroom.From(_cache.ResourceQuotas(@namespace)));
        var mutation = PodMutator.Mutate(pod, context);
        var response = new AdmissionResponse
        {
            Uid = uid,
            Allowed = true,
            Warnings = mutation.Warnings.Count > 0 ? mutation.Warnings : null,
        };
        if (mutation.Patch.Count > 0)
        {
            response.PatchType = AdmissionResponse.JsonPatchType;
            response.Patch = JsonPatchWriter.ToUtf8Bytes(mutation.Patch);
        }

        return new AdmissionDecision(response, mutation.Reason);
    }

    public AdmissionDecision ObjectUnreadable(AdmissionRequest<JsonElement> request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Open(request.Uid ?? string.Empty, MutationReasons.MalformedPod, $"the pod could not be read at {path}");
    }

    private static AdmissionDecision Open(string uid, string reason, string detail) =>
        AdmissionDecision.Allow(uid, reason, [$"rightsizer: admitted unchanged ({reason}): {detail}"]);
}
