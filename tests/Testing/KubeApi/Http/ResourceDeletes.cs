using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;
using RightSizer.Testing.KubeApi.Selectors;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>
/// DELETE of one object and of a collection (apiserver store.go Delete and finalizeDelete): finalizers and graceful pod
/// deletion leave the object with a deletionTimestamp; pods and namespaces answer with the object, others with a
/// Success Status; a namespace or CRD takes its contents with it.
/// </summary>
public sealed class ResourceDeletes
{
    private readonly ApiServerState _state;

    public ResourceDeletes(ApiServerState state) => _state = state;

    public async Task DeleteAsync(HttpContext context, ApiPath path)
    {
        var options = await ReadOptionsAsync(context);
        var grace = GracePeriod(context, options);
        var result = Delete(path.Type, path.Namespace, path.Name, grace, options["preconditions"] as JsonObject, IsDryRun(context, options));
        await ResponseWriter.WriteJsonAsync(context, 200, result);
    }

    public async Task DeleteCollectionAsync(HttpContext context, ApiPath path)
    {
        var options = await ReadOptionsAsync(context);
        var labels = LabelSelector.Parse(context.Request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(context.Request.Query["fieldSelector"], path.Type);
        var (items, resourceVersion) = _state.Store.List(path.Type, path.Type.Namespaced && path.Namespace.Length > 0 ? path.Namespace : null);
        var deleted = new JsonArray();
        foreach (var item in items.Where(o => labels.Matches(o) && fields.Matches(o)))
        {
            Delete(path.Type, ObjectMeta.Namespace(item), ObjectMeta.Name(item), GracePeriod(context, options), null, IsDryRun(context, options));
            deleted.Add(item);
        }

        await ResponseWriter.WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = path.Type.ListKind,
            ["apiVersion"] = path.Type.GroupVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        });
    }

    /// <summary>Deletes one object (also what the simulated kubelet calls to finish a graceful delete, with grace 0).</summary>
    public JsonNode Delete(ResourceType type, string ns, string name, long? gracePeriodSeconds, JsonObject? preconditions, bool dryRun)
    {
        var existing = _state.Store.Get(type, ns, name) ?? throw new ApiStatusException(StatusErrors.NotFound(type.Resource, name));
        CheckPreconditions(type, existing, preconditions);
        var grace = IsPod(type) ? PodGracePeriod(existing, gracePeriodSeconds) : 0;
        if (dryRun)
        {
            return Answer(type, existing);
        }

        if (ObjectMeta.Finalizers(existing).Count > 0 || grace > 0)
        {
            if (ObjectMeta.IsDeleting(existing) && grace > 0)
            {
                return Answer(type, existing);
            }

            var metadata = ObjectMeta.Of(existing);
            metadata["deletionTimestamp"] = ObjectMeta.Timestamp(_state.Time.GetUtcNow().AddSeconds(grace));
            metadata["deletionGracePeriodSeconds"] = grace;
            return Answer(type, _state.Store.Replace(type, existing, ObjectMeta.ResourceVersion(existing)));
        }

        if (type is { Group: "", Plural: "namespaces" })
        {
            DeleteContents(name);
        }
        else if (type is { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" })
        {
            DeleteCustomResources(existing);
        }

        return Answer(type, _state.Store.Remove(type, ns, name));
    }

    private void DeleteContents(string ns)
    {
        foreach (var type in _state.Catalog.Snapshot().Where(t => t.Namespaced).DistinctBy(t => (t.Group, t.Plural)))
        {
            foreach (var item in _state.Store.List(type, ns).Items)
            {
                _state.Store.Remove(type, ns, ObjectMeta.Name(item));
            }
        }
    }

    private void DeleteCustomResources(JsonObject crd)
    {
        var (group, plural) = CustomResourceDefinitions.Key(crd);
        var type = _state.Catalog.Snapshot().FirstOrDefault(t => t.IsCustom && t.Group == group && t.Plural == plural);
        if (type is not null)
        {
            foreach (var item in _state.Store.List(type, null).Items)
            {
                _state.Store.Remove(type, ObjectMeta.Namespace(item), ObjectMeta.Name(item));
            }
        }

        _state.Catalog.RemoveCustom(group, plural);
    }

    /// <summary>Pods return the object (ReturnDeletedObject); the rest a Success Status naming it.</summary>
    private static JsonNode Answer(ResourceType type, JsonObject obj)
    {
        if (IsPod(type) || type is { Group: "", Plural: "namespaces" })
        {
            return obj;
        }

        var status = (StatusErrors.SuccessStatus(0) with
        {
            DetailsName = ObjectMeta.Name(obj),
            DetailsGroup = type.Group,
            DetailsKind = type.Plural,
            DetailsUid = ObjectMeta.Uid(obj),
            HasDetails = true,
        }).ToJson();

        // A delete's Status carries no code (the handler fills one in only for create-style answers).
        status.Remove("code");
        return status;
    }

    /// <summary>The pod strategy's CheckGracefulDelete: unscheduled and finished pods go at once, others after their grace period.</summary>
    private static long PodGracePeriod(JsonObject pod, long? requested)
    {
        var phase = pod["status"]?["phase"]?.ToString();
        if (pod["spec"]?["nodeName"] is null || phase is "Succeeded" or "Failed")
        {
            return 0;
        }

        return requested ?? pod["spec"]?["terminationGracePeriodSeconds"]?.GetValue<long>() ?? 30;
    }

    private static void CheckPreconditions(ResourceType type, JsonObject existing, JsonObject? preconditions)
    {
        if (preconditions?["uid"]?.ToString() is { Length: > 0 } uid && uid != ObjectMeta.Uid(existing))
        {
            throw new ApiStatusException(StatusErrors.Conflict(type.Resource, ObjectMeta.Name(existing),
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMeta.Uid(existing)}"));
        }

        if (preconditions?["resourceVersion"]?.ToString() is { Length: > 0 } rv && rv != existing["metadata"]?["resourceVersion"]?.ToString())
        {
            throw new ApiStatusException(StatusErrors.Conflict(type.Resource, ObjectMeta.Name(existing),
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {existing["metadata"]?["resourceVersion"]}"));
        }
    }

    private static async Task<JsonObject> ReadOptionsAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return text.Trim().Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    private static long? GracePeriod(HttpContext context, JsonObject options) =>
        long.TryParse(context.Request.Query["gracePeriodSeconds"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fromQuery)
            ? fromQuery
            : options["gracePeriodSeconds"]?.GetValue<long>();

    private static bool IsDryRun(HttpContext context, JsonObject options) =>
        context.Request.Query["dryRun"] == "All" || options["dryRun"] is JsonArray { Count: > 0 };

    private static bool IsPod(ResourceType type) => type is { Group: "", Plural: "pods" };
}
