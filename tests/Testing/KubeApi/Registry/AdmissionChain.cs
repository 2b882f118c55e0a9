using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Semantics.Admission;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;
using RightSizer.Testing.KubeApi.Storage;

namespace RightSizer.Testing.KubeApi.Registry;

/// <summary>
/// The admission plugins in kube-apiserver's order: mutating (LimitRanger defaults, then the mutating webhooks with one
/// reinvocation round for IfNeeded), and after the strategy, validating (LimitRanger min/max/ratio, the validating
/// webhooks, ResourceQuota charging the namespace's quotas).
/// </summary>
public sealed class AdmissionChain
{
    private static readonly ResourceType Mutating = Find("admissionregistration.k8s.io", "mutatingwebhookconfigurations");
    private static readonly ResourceType Validating = Find("admissionregistration.k8s.io", "validatingwebhookconfigurations");
    private static readonly ResourceType LimitRanges = Find("", "limitranges");
    private static readonly ResourceType Quotas = Find("", "resourcequotas");
    private static readonly ResourceType Namespaces = Find("", "namespaces");

    private readonly ObjectStore _store;
    private readonly MutatingWebhookDispatcher _mutating;
    private readonly ValidatingWebhookDispatcher _validating;

    public AdmissionChain(ObjectStore store, IWebhookCaller caller, Func<string> newUid)
    {
        _store = store;
        _mutating = new MutatingWebhookDispatcher(caller, newUid);
        _validating = new ValidatingWebhookDispatcher(caller, newUid);
    }

    public async Task<JsonObject> MutateAsync(ResourceType type, AdmissionAttributes attributes, Func<JsonObject, JsonObject> defaulter, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        var obj = attributes.Object!;
        if (IsPod(type) && attributes.Operation == AdmissionAttributes.Create)
        {
            obj = LimitRanger.Admit(obj, _store.List(LimitRanges, attributes.Namespace).Items);
        }

        var webhooks = RegisteredWebhook.From(_store.List(Mutating, null).Items);
        if (webhooks.Count == 0)
        {
            return obj;
        }

        var state = new WebhookReinvocationState();
        var labels = NamespaceLabels(attributes.Namespace);
        var first = await _mutating.DispatchAsync(webhooks, attributes with { Object = obj }, labels, defaulter, state, isReinvoke: false, cancellationToken);
        Collect(first, warnings);
        if (!state.ShouldReinvoke)
        {
            return first.Object ?? obj;
        }

        var second = await _mutating.DispatchAsync(webhooks, attributes with { Object = first.Object }, labels, defaulter, state, isReinvoke: true, cancellationToken);
        Collect(second, warnings);
        return second.Object ?? obj;
    }

    /// <summary>The validating plugins; returns the quotas whose usage the pod raises (persisted with the pod).</summary>
    public async Task<IReadOnlyList<JsonObject>> ValidateAsync(ResourceType type, AdmissionAttributes attributes, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        var obj = attributes.Object!;
        var creatingPod = IsPod(type) && attributes.Operation == AdmissionAttributes.Create;
        if (creatingPod)
        {
            LimitRanger.Validate(obj, ObjectMeta.Name(obj), _store.List(LimitRanges, attributes.Namespace).Items);
        }

        var webhooks = RegisteredWebhook.From(_store.List(Validating, null).Items);
        if (webhooks.Count > 0)
        {
            Collect(await _validating.DispatchAsync(webhooks, attributes, NamespaceLabels(attributes.Namespace), cancellationToken), warnings);
        }

        return creatingPod
            ? ResourceQuotaAdmission.Admit(obj, ObjectMeta.Name(obj), _store.List(Quotas, attributes.Namespace).Items).UpdatedQuotas
            : [];
    }

    private JsonObject? NamespaceLabels(string ns) =>
        ns.Length == 0 ? null : _store.Get(Namespaces, "", ns)?["metadata"]?["labels"]?.DeepClone() as JsonObject;

    private static void Collect(WebhookDispatchResult result, ICollection<string> warnings)
    {
        foreach (var warning in result.Warnings)
        {
            warnings.Add(warning);
        }
    }

    private static bool IsPod(ResourceType type) => type is { Group: "", Plural: "pods" };

    private static ResourceType Find(string group, string plural) => BuiltInResources.All.First(t => t.Group == group && t.Plural == plural);
}
