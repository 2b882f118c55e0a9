using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Selectors;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>GET of one object and of a collection: selectors, limit/continue paging, plain JSON or a Table.</summary>
public sealed class ResourceReads
{
    private readonly ApiServerState _state;

    public ResourceReads(ApiServerState state) => _state = state;

    public async Task GetAsync(HttpContext context, ApiPath path)
    {
        var obj = _state.Store.Get(path.Type, path.Namespace, path.Name)
            ?? throw new ApiStatusException(StatusErrors.NotFound(path.Type.Resource, path.Name));
        if (MediaTypes.WantsTable(context.Request.Headers.Accept))
        {
            var table = _state.Tables.Build(path.Type, [obj], IncludeObject(context), true, new JsonObject { ["resourceVersion"] = obj["metadata"]?["resourceVersion"]?.DeepClone() });
            await ResponseWriter.WriteJsonAsync(context, 200, table, MediaTypes.TableV1);
            return;
        }

        await ResponseWriter.WriteJsonAsync(context, 200, obj);
    }

    public async Task ListAsync(HttpContext context, ApiPath path)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], path.Type);
        var after = DecodeContinue(query["continue"]);
        int? limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : null;
        var (matching, resourceVersion, remaining) = _state.Store.ListPage(path.Type, path.Type.Namespaced && path.Namespace.Length > 0 ? path.Namespace : null,
            o => labels.Matches(o) && fields.Matches(o), after, limit);

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (remaining > 0)
        {
            metadata["continue"] = EncodeContinue(resourceVersion, Key(matching[^1]));
            metadata["remainingItemCount"] = remaining;
        }

        if (MediaTypes.WantsTable(context.Request.Headers.Accept))
        {
            await ResponseWriter.WriteJsonAsync(context, 200, _state.Tables.Build(path.Type, matching, IncludeObject(context), true, metadata), MediaTypes.TableV1);
            return;
        }

        var list = new JsonObject
        {
            ["kind"] = path.Type.ListKind,
            ["apiVersion"] = path.Type.GroupVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. matching]),
        };
        await ResponseWriter.WriteJsonAsync(context, 200, list);
    }

    public static string IncludeObject(HttpContext context) => context.Request.Query["includeObject"].ToString();

    private static string Key(JsonObject obj) => $"{ObjectMeta.Namespace(obj)}/{ObjectMeta.Name(obj)}";

    private static string EncodeContinue(long resourceVersion, string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = resourceVersion, ["start"] = lastKey + "\u0000" }.ToJsonString()));

    private static string? DecodeContinue(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var start = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)))?["start"]?.ToString();
            return start?.TrimEnd('\u0000') ?? throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new ApiStatusException(StatusErrors.BadRequest("continue key is not valid: illegal base64 data at input byte 0"));
        }
    }
}
