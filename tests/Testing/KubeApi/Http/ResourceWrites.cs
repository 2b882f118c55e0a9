using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>
/// POST, PUT and PATCH in the order of the real handlers (apiserver handlers/create.go, update.go, patch.go and
/// registry/generic/registry/store.go): decode, namespace set from the URL, name generated, strategy, persist with the
/// resourceVersion precondition.
/// </summary>
public sealed class ResourceWrites
{
    private readonly ApiServerState _state;
    private readonly IObjectPatcher _patcher;

    public ResourceWrites(ApiServerState state, IObjectPatcher patcher)
    {
        _state = state;
        _patcher = patcher;
    }

    public async Task CreateAsync(HttpContext context, ApiPath path)
    {
        var obj = RequestBody.AsObjectOf(await RequestBody.ReadAsync(context), path.Type);
        var stored = Create(path, obj, IsDryRun(context));
        await ResponseWriter.WriteJsonAsync(context, 201, stored);
    }

    public async Task UpdateAsync(HttpContext context, ApiPath path)
    {
        var obj = RequestBody.AsObjectOf(await RequestBody.ReadAsync(context), path.Type);
        var name = ObjectMeta.Name(obj);
        if (name != path.Name)
        {
            throw new ApiStatusException(StatusErrors.BadRequest($"the name of the object ({name}) does not match the name on the URL ({path.Name})"));
        }

        SetNamespace(path, obj);
        var existing = _state.Store.Get(path.Type, path.Namespace, path.Name)
            ?? throw new ApiStatusException(StatusErrors.NotFound(path.Type.Resource, path.Name));
        long expected;
        if (ObjectMeta.ResourceVersion(obj) is var rv && rv == 0)
        {
            if (path.Type.IsCustom)
            {
                throw new ApiStatusException(StatusErrors.Invalid(path.Type.GroupKind, path.Name,
                    [new FieldError(FieldErrorType.Invalid, "metadata.resourceVersion", null, "0x0: must be specified for an update", OmitValue: true)]));
            }

            expected = ObjectMeta.ResourceVersion(existing);
        }
        else
        {
            expected = rv;
        }

        var stored = Update(path, existing, obj, expected, IsDryRun(context));
        await ResponseWriter.WriteJsonAsync(context, 200, stored);
    }

    public async Task PatchAsync(HttpContext context, ApiPath path)
    {
        var mediaType = MediaTypes.Essence(context.Request.ContentType);
        var accepted = _patcher.AcceptedMediaTypes(path.Type);
        if (!accepted.Contains(mediaType))
        {
            throw new ApiStatusException(StatusErrors.UnsupportedMediaType(accepted));
        }

        var patch = await RequestBody.ReadAsync(context);
        var query = context.Request.Query;
        var request = new PatchRequest(
            query["fieldManager"].ToString(),
            query["force"] == "true",
            path.Subresource,
            _state.Time.GetUtcNow());
        var existing = _state.Store.Get(path.Type, path.Namespace, path.Name);
        if (existing is null)
        {
            if (mediaType != MediaTypes.ApplyPatch || path.Subresource.Length > 0)
            {
                throw new ApiStatusException(StatusErrors.NotFound(path.Type.Resource, path.Name));
            }

            var created = RequestBody.AsObjectOf(_patcher.Apply(path.Type, mediaType, null, patch, request), path.Type);
            ObjectMeta.Of(created)["name"] = path.Name;
            await ResponseWriter.WriteJsonAsync(context, 201, Create(path, created, IsDryRun(context)));
            return;
        }

        var patched = RequestBody.AsObjectOf(_patcher.Apply(path.Type, mediaType, existing, patch, request), path.Type);
        var patchedVersion = ObjectMeta.ResourceVersion(patched);
        var expected = patchedVersion == 0 ? ObjectMeta.ResourceVersion(existing) : patchedVersion;
        await ResponseWriter.WriteJsonAsync(context, 200, Update(path, existing, patched, expected, IsDryRun(context)));
    }

    /// <summary>Creates an object as the create handler does; also used by the simulated controllers.</summary>
    public JsonObject Create(ApiPath path, JsonObject obj, bool dryRun)
    {
        var type = path.Type;
        if (path.Subresource.Length > 0)
        {
            throw new ApiStatusException(ServerErrors.MethodNotSupported(type.Resource, "create"));
        }

        SetNamespace(path, obj);
        if (type.Namespaced && !(type.Group.Length == 0 && type.Plural == "namespaces")
            && _state.Store.Get(NamespaceType, "", ObjectMeta.Namespace(obj)) is null)
        {
            throw new ApiStatusException(StatusErrors.NotFound(new GroupResource("", "namespaces"), ObjectMeta.Namespace(obj)));
        }

        var metadata = ObjectMeta.Of(obj);
        if (ObjectMeta.Name(obj).Length == 0)
        {
            if (ObjectMeta.GenerateName(obj).Length == 0)
            {
                throw new ApiStatusException(StatusErrors.Invalid(type.GroupKind, "",
                    [FieldError.Required("metadata.name", "name or generateName is required")]));
            }

            metadata["name"] = ObjectMeta.GenerateName(obj) + _state.NameSuffix();
        }

        var now = _state.Time.GetUtcNow();
        ObjectRules.PrepareForCreate(type, obj, now, _state.NewUid());
        KindRules.PrepareForCreate(type, obj, now);
        if (dryRun)
        {
            return obj;
        }

        var stored = _state.Store.Create(type, obj);
        KindRules.AfterWrite(_state.Catalog, type, stored);
        return stored;
    }

    /// <summary>Replaces an object (main resource or a subresource) under a resourceVersion precondition.</summary>
    public JsonObject Update(ApiPath path, JsonObject existing, JsonObject updated, long expectedResourceVersion, bool dryRun)
    {
        var type = path.Type;
        if (_state.Faults.TakeConflict(type.Plural) || expectedResourceVersion != ObjectMeta.ResourceVersion(existing))
        {
            throw new ApiStatusException(StatusErrors.Conflict(type.Resource, path.Name));
        }

        SetNamespace(path, updated);
        JsonObject next;
        switch (path.Subresource)
        {
            case "":
                ObjectRules.PrepareForUpdate(type, existing, updated);
                next = updated;
                break;
            case "status":
                next = ObjectRules.PrepareForStatusUpdate(existing, updated);
                break;
            default:
                throw new ApiStatusException(ServerErrors.MethodNotSupported(type.Resource, "update"));
        }

        if (dryRun)
        {
            return next;
        }

        if (ObjectMeta.IsDeleting(next) && ObjectMeta.Finalizers(next).Count == 0)
        {
            return _state.Store.Remove(type, path.Namespace, path.Name, expectedResourceVersion);
        }

        var stored = _state.Store.Replace(type, next, expectedResourceVersion);
        KindRules.AfterWrite(_state.Catalog, type, stored);
        return stored;
    }

    private static ResourceType NamespaceType { get; } = BuiltInResources.All.First(t => t.Plural == "namespaces");

    private static bool IsDryRun(HttpContext context) => context.Request.Query["dryRun"] == "All";

    private static void SetNamespace(ApiPath path, JsonObject obj)
    {
        var metadata = ObjectMeta.Of(obj);
        if (!path.Type.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var ns = ObjectMeta.Namespace(obj);
        if (ns.Length > 0 && ns != path.Namespace)
        {
            throw new ApiStatusException(StatusErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
        }

        metadata["namespace"] = path.Namespace;
    }

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
