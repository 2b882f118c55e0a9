using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;
using RightSizer.Testing.KubeApi.Semantics.Crds;
using RightSizer.Testing.KubeApi.Semantics.CustomResources;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Patches;
using RightSizer.Testing.KubeApi.Semantics.Pods;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>
/// POST, PUT and PATCH in the order of the real handlers (apiserver handlers/create.go, update.go, patch.go and
/// registry/generic/registry/store.go): decode (custom resources pruned and defaulted by their schema), namespace set
/// from the URL, name generated, strategy, validation, managed fields, persist under the resourceVersion precondition.
/// </summary>
public sealed class ResourceWrites
{
    private static readonly ResourceType NamespaceType = BuiltInResources.All.First(t => t is { Group: "", Plural: "namespaces" });
    private static readonly ResourceType QuotaType = BuiltInResources.All.First(t => t is { Group: "", Plural: "resourcequotas" });

    private readonly ApiServerState _state;
    private readonly IObjectPatcher _patcher;
    private readonly AdmissionChain _admission;

    public ResourceWrites(ApiServerState state, IObjectPatcher patcher, AdmissionChain admission)
    {
        _state = state;
        _patcher = patcher;
        _admission = admission;
    }

    public async Task HandleCreateAsync(HttpContext context, ApiPath path)
    {
        var options = Options(context);
        var obj = Decode(context, path.Type, RequestBody.AsObjectOf(await RequestBody.ReadAsync(context), path.Type), options);
        var warnings = new List<string>();
        var created = await CreateAsync(path, obj, options, warnings, context.RequestAborted);
        Warn(context, warnings);
        await ResponseWriter.WriteJsonAsync(context, 201, created);
    }

    public async Task HandleUpdateAsync(HttpContext context, ApiPath path)
    {
        var options = Options(context);
        var obj = Decode(context, path.Type, RequestBody.AsObjectOf(await RequestBody.ReadAsync(context), path.Type), options);
        var name = ObjectMeta.Name(obj);
        if (name != path.Name)
        {
            throw new ApiStatusException(StatusErrors.BadRequest($"the name of the object ({name}) does not match the name on the URL ({path.Name})"));
        }

        var existing = _state.Store.Get(path.Type, path.Namespace, path.Name)
            ?? throw new ApiStatusException(StatusErrors.NotFound(path.Type.Resource, path.Name));
        var expected = ObjectMeta.ResourceVersion(obj);
        if (expected == 0)
        {
            // Custom resources forbid unconditional updates (apiextensions strategy AllowUnconditionalUpdate false).
            if (path.Type.IsCustom)
            {
                throw new ApiStatusException(StatusErrors.Invalid(path.Type.GroupKind, path.Name,
                    [new FieldError(FieldErrorType.Invalid, "metadata.resourceVersion", null, "0x0: must be specified for an update", OmitValue: true)]));
            }

            expected = ObjectMeta.ResourceVersion(existing);
        }

        var warnings = new List<string>();
        var updated = await UpdateAsync(path, existing, obj, expected, options, warnings, context.RequestAborted);
        Warn(context, warnings);
        await ResponseWriter.WriteJsonAsync(context, 200, updated);
    }

    public async Task HandlePatchAsync(HttpContext context, ApiPath path)
    {
        var mediaType = MediaTypes.Essence(context.Request.ContentType);
        var accepted = _patcher.AcceptedMediaTypes(path.Type);
        if (!accepted.Contains(mediaType))
        {
            throw new ApiStatusException(StatusErrors.UnsupportedMediaType(accepted));
        }

        var options = Options(context);
        var patch = await RequestBody.ReadAsync(context);
        var request = new PatchRequest(options.FieldManager, context.Request.Query["force"] == "true", path.Subresource, _state.Time.GetUtcNow());
        var existing = _state.Store.Get(path.Type, path.Namespace, path.Name);
        var applying = mediaType == MediaTypes.ApplyPatch;
        if (existing is null)
        {
            if (!applying || path.Subresource.Length > 0)
            {
                throw new ApiStatusException(StatusErrors.NotFound(path.Type.Resource, path.Name));
            }

            var created = RequestBody.AsObjectOf(_patcher.Apply(path.Type, mediaType, null, patch, request), path.Type);
            ObjectMeta.Of(created)["name"] = path.Name;
            created = Decode(context, path.Type, created, options);
            var createWarnings = new List<string>();
            var stored = await CreateAsync(path, created, options, createWarnings, context.RequestAborted, recordManagedFields: false);
            Warn(context, createWarnings);
            await ResponseWriter.WriteJsonAsync(context, 201, stored);
            return;
        }

        var patched = Decode(context, path.Type, RequestBody.AsObjectOf(_patcher.Apply(path.Type, mediaType, existing, patch, request), path.Type), options);
        var patchedVersion = ObjectMeta.ResourceVersion(patched);
        var expected = patchedVersion == 0 ? ObjectMeta.ResourceVersion(existing) : patchedVersion;
        var warnings = new List<string>();
        var result = await UpdateAsync(path, existing, patched, expected, options, warnings, context.RequestAborted, recordManagedFields: !applying);
        Warn(context, warnings);
        await ResponseWriter.WriteJsonAsync(context, 200, result);
    }

    /// <summary>Creates an object as the create handler does; also used by fixtures and the simulated controllers.</summary>
    public async Task<JsonObject> CreateAsync(
        ApiPath path, JsonObject obj, WriteOptions options, ICollection<string> warnings, CancellationToken cancellationToken, bool recordManagedFields = true)
    {
        var type = path.Type;
        if (path.Subresource.Length > 0)
        {
            throw new ApiStatusException(ServerErrors.MethodNotSupported(type.Resource, "create"));
        }

        SetNamespace(path, obj);
        if (type.Namespaced && _state.Store.Get(NamespaceType, "", ObjectMeta.Namespace(obj)) is null)
        {
            throw new ApiStatusException(StatusErrors.NotFound(NamespaceType.Resource, ObjectMeta.Namespace(obj)));
        }

        if (ObjectMeta.Name(obj).Length == 0 && ObjectMeta.GenerateName(obj).Length == 0)
        {
            throw new ApiStatusException(StatusErrors.Invalid(type.GroupKind, "",
                [FieldError.Required("metadata.name", "name or generateName is required")]));
        }

        KindRules.Default(type, obj);
        var attributes = Attributes(type, AdmissionAttributes.Create, path.Subresource, obj, null, options);
        obj = await _admission.MutateAsync(type, attributes, o => Redefault(type, o), warnings, cancellationToken);
        if (ObjectMeta.Name(obj).Length == 0)
        {
            ObjectMeta.Of(obj)["name"] = ObjectMeta.GenerateName(obj) + _state.NameSuffix();
        }

        var now = _state.Time.GetUtcNow();
        if (IsCrd(type))
        {
            obj = CrdValidator.WithDefaults(obj);
            CrdValidator.EnsureValid(obj);
        }

        ObjectRules.PrepareForCreate(type, obj, now, _state.NewUid());
        if (type.IsCustom)
        {
            obj = CustomResourceStrategy.PrepareForCreate(obj, type.HasStatus);
            ValidateCustom(type, obj);
        }

        KindRules.PrepareForCreate(type, obj, now);
        var quotas = await _admission.ValidateAsync(type, attributes with { Object = obj, Name = ObjectMeta.Name(obj) }, warnings, cancellationToken);
        if (recordManagedFields && options.FieldManager.Length > 0)
        {
            obj = ServerSideApply.RecordUpdate(null, obj, options.FieldManager, now, SemanticPatcher.ListStrategies(type));
        }

        if (options.DryRun)
        {
            return obj;
        }

        var stored = _state.Store.Create(type, obj);
        foreach (var quota in quotas)
        {
            _state.Store.Replace(QuotaType, quota, ObjectMeta.ResourceVersion(quota));
        }

        KindRules.AfterWrite(_state.Catalog, type, stored);
        return stored;
    }

    /// <summary>Replaces an object (main resource or /status) under a resourceVersion precondition.</summary>
    public async Task<JsonObject> UpdateAsync(
        ApiPath path, JsonObject existing, JsonObject updated, long expectedResourceVersion, WriteOptions options, ICollection<string> warnings, CancellationToken cancellationToken,
        bool recordManagedFields = true)
    {
        var type = path.Type;
        if (_state.Faults.TakeConflict(type.Plural) || expectedResourceVersion != ObjectMeta.ResourceVersion(existing))
        {
            throw new ApiStatusException(StatusErrors.Conflict(type.Resource, path.Name));
        }

        SetNamespace(path, updated);
        var attributes = Attributes(type, AdmissionAttributes.Update, path.Subresource, updated, existing, options);
        updated = await _admission.MutateAsync(type, attributes, o => o, warnings, cancellationToken);
        var next = path.Subresource switch
        {
            "" => MainUpdate(type, existing, updated),
            "status" => type.IsCustom ? CustomResourceStrategy.PrepareForStatusUpdate(existing, updated) : ObjectRules.PrepareForStatusUpdate(existing, updated),
            "resize" when type is { Group: "", Plural: "pods" } => PodResize.Resize(existing, updated, _state.Minor),
            _ => throw new ApiStatusException(ServerErrors.MethodNotSupported(type.Resource, "update")),
        };
        if (IsCrd(type))
        {
            next = CrdValidator.WithDefaults(next);
            CrdValidator.EnsureValid(next);
        }

        if (type.IsCustom)
        {
            ValidateCustom(type, next);
        }

        await _admission.ValidateAsync(type, attributes with { Object = next }, warnings, cancellationToken);
        if (recordManagedFields && options.FieldManager.Length > 0)
        {
            next = ServerSideApply.RecordUpdate(existing, next, options.FieldManager, _state.Time.GetUtcNow(), SemanticPatcher.ListStrategies(type), path.Subresource);
        }

        if (options.DryRun)
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

    private static AdmissionAttributes Attributes(ResourceType type, string operation, string subresource, JsonObject obj, JsonObject? old, WriteOptions options)
    {
        var admissionOptions = new JsonObject
        {
            ["kind"] = operation == AdmissionAttributes.Create ? "CreateOptions" : "UpdateOptions",
            ["apiVersion"] = "meta.k8s.io/v1",
        };
        if (options.DryRun)
        {
            admissionOptions["dryRun"] = new JsonArray("All");
        }

        if (options.FieldManager.Length > 0)
        {
            admissionOptions["fieldManager"] = options.FieldManager;
        }

        return new AdmissionAttributes(
            operation, type.Group, type.Version, type.Kind, type.Plural, subresource, ObjectMeta.Namespace(obj), ObjectMeta.Name(obj),
            obj, old, options.DryRun, options.User, admissionOptions);
    }

    /// <summary>Defaulting again after a webhook's patch, as the mutating dispatcher does.</summary>
    private static JsonObject Redefault(ResourceType type, JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        KindRules.Default(type, copy);
        return Schema(type) is { } schema ? schema.Decode(copy, FieldValidation.Ignore).Object : copy;
    }

    private static void Warn(HttpContext context, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            ResponseWriter.AddWarning(context, warning);
        }
    }

    private static JsonObject MainUpdate(ResourceType type, JsonObject existing, JsonObject updated)
    {
        ObjectRules.PrepareForUpdate(type, existing, updated);
        return type.IsCustom ? CustomResourceStrategy.PrepareForUpdate(existing, updated, type.HasStatus) : updated;
    }

    /// <summary>A custom resource as the apiextensions decoder reads it: pruned, defaulted, unknown fields warned about or refused.</summary>
    private static JsonObject Decode(HttpContext context, ResourceType type, JsonObject obj, WriteOptions options)
    {
        if (Schema(type) is not { } schema)
        {
            return obj;
        }

        var decoded = schema.Decode(obj, options.FieldValidation);
        foreach (var warning in decoded.Warnings)
        {
            ResponseWriter.AddWarning(context, warning);
        }

        return decoded.Object;
    }

    private static void ValidateCustom(ResourceType type, JsonObject obj)
    {
        if (Schema(type) is { } schema && schema.Validate(obj) is { Count: > 0 } errors)
        {
            throw new ApiStatusException(schema.Invalid(ObjectMeta.Name(obj), errors));
        }
    }

    private static CustomResourceSchema? Schema(ResourceType type) =>
        type.CustomVersion?["schema"]?["openAPIV3Schema"] is JsonObject schema
            ? new CustomResourceSchema(type.Group, type.Version, type.Kind, schema)
            : null;

    private static WriteOptions Options(HttpContext context)
    {
        var query = context.Request.Query;
        var manager = query["fieldManager"].ToString();
        if (manager.Length == 0)
        {
            // Without fieldManager the real server names the writer after its user agent's program name.
            manager = context.Request.Headers.UserAgent.ToString().Split('/')[0];
        }

        var validation = query["fieldValidation"].ToString() switch
        {
            "Strict" => FieldValidation.Strict,
            "Ignore" => FieldValidation.Ignore,
            "" or "Warn" => FieldValidation.Warn,
            var other => throw new ApiStatusException(StatusErrors.BadRequest($"fieldValidation parameter unsupported: {other}")),
        };
        return new WriteOptions(manager, query["dryRun"] == "All", validation, WriteOptions.Administrator);
    }

    private static bool IsCrd(ResourceType type) => type is { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" };

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
}
