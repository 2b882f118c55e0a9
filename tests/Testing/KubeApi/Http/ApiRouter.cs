using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>
/// The one request handler: bearer-token authentication (the administrator's token or one of <see cref="ApiServerState.Users"/>),
/// injected faults, the request record, then version, discovery,
/// OpenAPI or a resource verb. Errors become Status bodies.
/// </summary>
public sealed class ApiRouter
{
    private readonly ApiServerState _state;
    private readonly string _token;
    private readonly ResourceReads _reads;
    private readonly ResourceWrites _writes;
    private readonly ResourceDeletes _deletes;
    private readonly WatchStream _watches;
    private readonly Func<HttpContext, ApiPath, Task>? _eviction;

    public ApiRouter(ApiServerState state, string token, ResourceWrites writes, ResourceDeletes deletes, Func<HttpContext, ApiPath, Task>? eviction)
    {
        _state = state;
        _token = token;
        _reads = new ResourceReads(state);
        _writes = writes;
        _deletes = deletes;
        _watches = new WatchStream(state);
        _eviction = eviction;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            if (_state.Faults.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(_state.Faults.ResponseDelay, _state.Time, context.RequestAborted);
            }

            var path = context.Request.Path.Value ?? "/";
            // KubernetesClient asks for /version/ (its generated path ends in a slash); the real server answers both.
            if (path is "/version" or "/version/" or "/healthz" or "/livez" or "/readyz")
            {
                await ServePublicAsync(context, path);
                return;
            }

            var user = Authenticate(context.Request.Headers.Authorization.ToString())
                ?? throw new ApiStatusException(ServerErrors.Unauthorized());
            if (!await ServeDiscoveryAsync(context, path))
            {
                await ServeResourceAsync(context, path, user);
            }
        }
        catch (ApiStatusException e) when (!context.Response.HasStarted)
        {
            await ResponseWriter.WriteStatusAsync(context, e.Status);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            // A bug of this server answers as the real one does for a panic: 500 InternalError naming the error.
            await ResponseWriter.WriteStatusAsync(context, StatusErrors.InternalError(e.GetType().Name + ": " + e.Message));
        }
    }

    private async Task ServePublicAsync(HttpContext context, string path)
    {
        if (path.TrimEnd('/') != "/version")
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok", context.RequestAborted);
            return;
        }

        var minor = _state.Options.Version.Split('.')[1];
        await ResponseWriter.WriteJsonAsync(context, 200, new JsonObject
        {
            ["major"] = "1",
            ["minor"] = minor,
            ["emulationMajor"] = "1",
            ["emulationMinor"] = minor,
            ["gitVersion"] = _state.GitVersion,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2025-01-01T00:00:00Z",
            ["goVersion"] = "go1.24.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        });
    }

    private async Task<bool> ServeDiscoveryAsync(HttpContext context, string path)
    {
        var accept = context.Request.Headers.Accept.ToString();
        var aggregated = MediaTypes.WantsAggregatedDiscovery(accept);
        var parts = path.Trim('/').Split('/');
        JsonNode? body = path.TrimEnd('/') switch
        {
            "/api" => aggregated ? DiscoveryDocuments.Aggregated(_state.Catalog, core: true) : DiscoveryDocuments.LegacyVersions(context.Request.Host.Value ?? ""),
            "/apis" => aggregated ? DiscoveryDocuments.Aggregated(_state.Catalog, core: false) : DiscoveryDocuments.LegacyGroups(_state.Catalog),
            "/api/v1" => DiscoveryDocuments.ResourceList(_state.Catalog, "", "v1"),
            "/openapi/v3" => OpenApiDocuments.Root(_state.Catalog),
            _ when parts is ["apis", var group] => DiscoveryDocuments.LegacyGroup(_state.Catalog, group) ?? Missing(),
            _ when parts is ["apis", var group, var version] => DiscoveryDocuments.ResourceList(_state.Catalog, group, version) ?? Missing(),
            _ when parts is ["openapi", "v3", ..] => OpenApiDocuments.GroupVersion(_state.Catalog, string.Join('/', parts[2..]), _state.GitVersion) ?? Missing(),
            _ when parts is ["openapi", ..] => Missing(),
            _ => null,
        };
        if (body is null)
        {
            return false;
        }

        var contentType = aggregated && path.TrimEnd('/') is "/api" or "/apis" ? MediaTypes.AggregatedDiscoveryV2 : MediaTypes.Json;
        await ResponseWriter.WriteJsonAsync(context, 200, body, contentType);
        return true;
    }

    private string? Authenticate(string authorization)
    {
        const string bearer = "Bearer ";
        if (!authorization.StartsWith(bearer, StringComparison.Ordinal))
        {
            return null;
        }

        var token = authorization[bearer.Length..];
        return token == _token ? ApiServerState.AdministratorName : _state.Users.GetValueOrDefault(token);
    }

    private async Task ServeResourceAsync(HttpContext context, string path, string user)
    {
        var target = ApiPath.Parse(path, _state.Catalog) ?? throw new ApiStatusException(ServerErrors.NotFoundPath());
        var watch = context.Request.Query["watch"] is var w && (w == "true" || w == "1");
        var verb = (context.Request.Method, target.IsCollection) switch
        {
            ("GET", true) => watch ? "watch" : "list",
            ("GET", false) => watch ? "watch" : "get",
            ("POST", _) => "create",
            ("PUT", _) => "update",
            ("PATCH", _) => "patch",
            ("DELETE", true) => "deletecollection",
            ("DELETE", false) => "delete",
            _ => throw new ApiStatusException(ServerErrors.MethodNotSupported(target.Type.Resource, context.Request.Method)),
        };
        _state.Record(user, new ApiRequestRecord(verb, target.Type.Group, target.Type.Plural, target.Subresource, target.Namespace));
        if (_state.Faults.TakeFailure(verb, target.Type.Plural) is { } failure)
        {
            throw new ApiStatusException(failure);
        }

        if (target.Subresource is not ("" or "status" or "eviction" or "resize") || !target.Type.Subresources.Contains(target.Subresource) && target.Subresource.Length > 0)
        {
            throw new ApiStatusException(ServerErrors.NotFoundPath());
        }

        switch (verb)
        {
            case "watch":
                await _watches.ServeAsync(context, target);
                break;
            case "get":
                await _reads.GetAsync(context, target);
                break;
            case "list":
                await _reads.ListAsync(context, target);
                break;
            case "create" when target.Subresource == "eviction" && _eviction is not null:
                await _eviction(context, target);
                break;
            case "create":
                await _writes.HandleCreateAsync(context, target);
                break;
            case "update":
                await _writes.HandleUpdateAsync(context, target);
                break;
            case "patch":
                await _writes.HandlePatchAsync(context, target);
                break;
            case "delete":
                await _deletes.DeleteAsync(context, target);
                break;
            default:
                await _deletes.DeleteCollectionAsync(context, target);
                break;
        }
    }

    private static JsonNode Missing() => throw new ApiStatusException(ServerErrors.NotFoundPath());
}
