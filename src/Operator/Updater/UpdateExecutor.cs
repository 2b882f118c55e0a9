using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Updater;

/// <summary>
/// Carries out a plan's actions: an eviction through the Eviction API (so PodDisruptionBudgets hold) or a pods/resize
/// patch. Leadership is checked before every call, so a replica that lost its lease mid-plan stops at once and
/// two replicas never evict the same pod.
/// </summary>
public sealed class UpdateExecutor(IKubernetes client, ILeadership leadership, UpdateMetrics metrics)
{
    public async Task<IReadOnlyList<UpdateResult>> ExecuteAsync(
        string @namespace,
        IEnumerable<PodDecision> actions,
        Func<string, string> resizePatch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(resizePatch);
        var results = new List<UpdateResult>();
        foreach (var action in actions)
        {
            if (!leadership.IsLeader)
            {
                results.Add(new UpdateResult(action.Pod, action.Action, UpdateOutcome.NotLeader, "this replica no longer leads"));
                metrics.Executed(action.Action, UpdateOutcome.NotLeader);
                break;
            }

            var result = action.Action == UpdateAction.Resize
                ? await ResizeAsync(@namespace, action, resizePatch(action.Pod), cancellationToken).ConfigureAwait(false)
                : await EvictAsync(@namespace, action, cancellationToken).ConfigureAwait(false);
            metrics.Executed(action.Action, result.Outcome);
            results.Add(result);
        }

        return results;
    }

    private async Task<UpdateResult> EvictAsync(string ns, PodDecision action, CancellationToken cancellationToken)
    {
        var eviction = new V1Eviction
        {
            ApiVersion = "policy/v1",
            Kind = "Eviction",
            Metadata = new V1ObjectMeta { Name = action.Pod, NamespaceProperty = ns },
        };
        try
        {
            await client.CoreV1.CreateNamespacedPodEvictionAsync(eviction, action.Pod, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new UpdateResult(action.Pod, action.Action, UpdateOutcome.Done, action.Message);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new UpdateResult(action.Pod, action.Action, UpdateOutcome.Refused, StatusMessage(e));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return new UpdateResult(action.Pod, action.Action, UpdateOutcome.Done, "already gone");
        }
        catch (HttpOperationException e)
        {
            return new UpdateResult(action.Pod, action.Action, UpdateOutcome.Failed, StatusMessage(e));
        }
    }

    private async Task<UpdateResult> ResizeAsync(string ns, PodDecision action, string patch, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.PatchNamespacedPodResizeAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), action.Pod, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new UpdateResult(action.Pod, action.Action, UpdateOutcome.Done, action.Message);
        }
        catch (HttpOperationException e)
        {
            return new UpdateResult(action.Pod, action.Action, UpdateOutcome.Failed, StatusMessage(e));
        }
    }

    /// <summary>The Status message and its first cause (e.g. which disruption budget said no).</summary>
    private static string StatusMessage(HttpOperationException e)
    {
        try
        {
            var status = KubernetesJson.Deserialize<V1Status>(e.Response.Content);
            var cause = status.Details?.Causes?.FirstOrDefault()?.Message;
            return cause is null ? status.Message ?? e.Message : $"{status.Message} {cause}";
        }
        catch (JsonException)
        {
            return $"{(int)e.Response.StatusCode}: {e.Response.Content}";
        }
    }
}
