using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Pods;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>
/// POST pods/{name}/eviction as kubernetes' eviction.go serves it: the decision over the namespace's
/// PodDisruptionBudgets (Semantics/Pods), the budget's status written, then the pod deleted; 201 Status Success.
/// </summary>
public sealed class EvictionHandler
{
    private static readonly ResourceType Budgets = BuiltInResources.All.First(t => t is { Group: "policy", Plural: "poddisruptionbudgets" });

    private readonly ApiServerState _state;
    private readonly ResourceDeletes _deletes;

    public EvictionHandler(ApiServerState state, ResourceDeletes deletes)
    {
        _state = state;
        _deletes = deletes;
    }

    public async Task HandleAsync(HttpContext context, ApiPath path)
    {
        try
        {
            await EvictAsync(context, path);
            _state.RecordEviction(new EvictionRecord(path.Namespace, path.Name, 201));
        }
        catch (ApiStatusException e)
        {
            _state.RecordEviction(new EvictionRecord(path.Namespace, path.Name, e.Status.Code));
            throw;
        }
    }

    private async Task EvictAsync(HttpContext context, ApiPath path)
    {
        if (await RequestBody.ReadAsync(context) is not JsonObject eviction)
        {
            throw new ApiStatusException(StatusErrors.BadRequest("the request body must be an Eviction"));
        }

        if (PodEviction.ValidateRequest(path.Name, eviction) is { } invalid)
        {
            throw new ApiStatusException(invalid);
        }

        var pod = _state.Store.Get(path.Type, path.Namespace, path.Name)
            ?? throw new ApiStatusException(StatusErrors.NotFound(path.Type.Resource, path.Name));
        var dryRun = context.Request.Query["dryRun"] == "All" || eviction["deleteOptions"]?["dryRun"] is JsonArray { Count: > 0 };
        var decision = PodEviction.Decide(pod, _state.Store.List(Budgets, path.Namespace).Items, _state.Time.GetUtcNow(), dryRun);
        if (decision.UpdatedBudget is { } budget && !dryRun)
        {
            _state.Store.Replace(Budgets, budget, ObjectMeta.ResourceVersion(budget));
        }

        if (decision.Status.Code >= 400)
        {
            throw new ApiStatusException(decision.Status);
        }

        if (decision.DeletePod)
        {
            var grace = eviction["deleteOptions"]?["gracePeriodSeconds"]?.GetValue<long>();
            _deletes.Delete(path.Type, path.Namespace, path.Name, grace, eviction["deleteOptions"]?["preconditions"] as JsonObject, dryRun);
        }

        await ResponseWriter.WriteJsonAsync(context, 201, decision.Status.ToJson());
    }
}
