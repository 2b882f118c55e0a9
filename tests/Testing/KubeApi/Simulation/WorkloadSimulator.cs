using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;
using RightSizer.Testing.KubeApi.Storage;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The Deployment and ReplicaSet controllers, level-based: on any change of a Deployment, ReplicaSet or Pod every
/// Deployment gets the ReplicaSet of its current template (named with the pod-template-hash, older ones scaled to 0),
/// and every ReplicaSet gets its replica count of pods, created THROUGH admission as the real controller creates them
/// (generateName, no name, ownerReferences, the replicaset-controller user); statuses follow.
/// </summary>
public sealed class WorkloadSimulator : IAsyncDisposable
{
    private const string HashLabel = "pod-template-hash";
    private static readonly ResourceType Deployments = Find("apps", "deployments");
    private static readonly ResourceType ReplicaSets = Find("apps", "replicasets");
    private static readonly ResourceType Pods = Find("", "pods");

    private readonly ApiServerState _state;
    private readonly ResourceWrites _writes;
    private readonly ResourceDeletes _deletes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<Task> _loops = [];

    internal WorkloadSimulator(ApiServerState state, ResourceWrites writes, ResourceDeletes deletes, bool enabled)
    {
        _state = state;
        _writes = writes;
        _deletes = deletes;
        if (enabled)
        {
            foreach (var type in new[] { Deployments, ReplicaSets, Pods })
            {
                var watch = state.Store.Watch(type, null, state.Store.CurrentResourceVersion);
                _loops.Add(Task.Run(() => ForwardAsync(watch, _stop.Token)));
            }

            _loops.Add(Task.Run(() => ReconcileLoopAsync(_stop.Token)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var loop in _loops)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        _stop.Dispose();
    }

    private async Task ForwardAsync(WatchSubscription watch, CancellationToken stop)
    {
        using (watch)
        {
            while (await watch.Live.WaitToReadAsync(stop))
            {
                while (watch.Live.TryRead(out _))
                {
                }

                _changed.Writer.TryWrite(true);
            }
        }
    }

    private async Task ReconcileLoopAsync(CancellationToken stop)
    {
        while (await _changed.Reader.WaitToReadAsync(stop))
        {
            _changed.Reader.TryRead(out _);
            try
            {
                await ReconcileDeploymentsAsync(stop);
                await ReconcileReplicaSetsAsync(stop);
            }
            catch (ApiStatusException e) when (e.Status.Code is 404 or 409)
            {
                // Raced with another writer; the change that caused it triggers another pass.
                _changed.Writer.TryWrite(true);
            }
        }
    }

    private async Task ReconcileDeploymentsAsync(CancellationToken stop)
    {
        var replicaSets = _state.Store.List(ReplicaSets, null).Items;
        foreach (var deployment in _state.Store.List(Deployments, null).Items)
        {
            var ns = ObjectMeta.Namespace(deployment);
            var template = (JsonObject)(deployment["spec"]?["template"]?.DeepClone() ?? new JsonObject());
            var hash = TemplateHash(template);
            var owned = replicaSets.Where(rs => OwnedBy(rs, deployment)).ToList();
            var current = owned.FirstOrDefault(rs => rs["metadata"]?["labels"]?[HashLabel]?.ToString() == hash);
            var replicas = deployment["spec"]?["replicas"]?.GetValue<int>() ?? 1;
            if (current is null)
            {
                var labels = (JsonObject)(template["metadata"]?["labels"]?.DeepClone() ?? new JsonObject());
                labels[HashLabel] = hash;
                ObjectMeta.Of(template)["labels"] = labels.DeepClone();
                var selector = (JsonObject)(deployment["spec"]?["selector"]?.DeepClone() ?? new JsonObject());
                var matchLabels = selector["matchLabels"] as JsonObject ?? [];
                matchLabels[HashLabel] = hash;
                selector["matchLabels"] = matchLabels;
                await _writes.CreateAsync(new ApiPath(ReplicaSets, ns, "", ""), new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "ReplicaSet",
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = $"{ObjectMeta.Name(deployment)}-{hash}",
                        ["namespace"] = ns,
                        ["labels"] = labels,
                        ["ownerReferences"] = OwnerReference(deployment),
                    },
                    ["spec"] = new JsonObject { ["replicas"] = replicas, ["selector"] = selector, ["template"] = template },
                }, WriteOptions.Internal("kube-controller-manager", User("deployment-controller")), [], stop);
                continue;
            }

            foreach (var rs in owned)
            {
                var want = rs == current ? replicas : 0;
                if (rs["spec"]?["replicas"]?.GetValue<int>() != want)
                {
                    rs["spec"]!["replicas"] = want;
                    _state.Store.Replace(ReplicaSets, rs, ObjectMeta.ResourceVersion(rs));
                }
            }

            var status = new JsonObject
            {
                ["observedGeneration"] = ObjectMeta.Generation(deployment),
                ["replicas"] = owned.Sum(rs => rs["status"]?["replicas"]?.GetValue<int>() ?? 0),
                ["updatedReplicas"] = current["status"]?["replicas"]?.GetValue<int>() ?? 0,
                ["readyReplicas"] = owned.Sum(rs => rs["status"]?["readyReplicas"]?.GetValue<int>() ?? 0),
                ["availableReplicas"] = owned.Sum(rs => rs["status"]?["availableReplicas"]?.GetValue<int>() ?? 0),
            };
            SetStatus(Deployments, deployment, status);
        }
    }

    private async Task ReconcileReplicaSetsAsync(CancellationToken stop)
    {
        var pods = _state.Store.List(Pods, null).Items;
        foreach (var rs in _state.Store.List(ReplicaSets, null).Items)
        {
            var owned = pods.Where(p => OwnedBy(p, rs) && !ObjectMeta.IsDeleting(p)).ToList();
            var want = rs["spec"]?["replicas"]?.GetValue<int>() ?? 1;
            for (var i = owned.Count; i < want; i++)
            {
                var template = (JsonObject)(rs["spec"]?["template"]?.DeepClone() ?? new JsonObject());
                var metadata = ObjectMeta.Of(template);
                metadata["generateName"] = ObjectMeta.Name(rs) + "-";
                metadata["ownerReferences"] = OwnerReference(rs);
                template["apiVersion"] = "v1";
                template["kind"] = "Pod";
                await _writes.CreateAsync(new ApiPath(Pods, ObjectMeta.Namespace(rs), "", ""), template,
                    WriteOptions.Internal("kube-controller-manager", AdmissionUser.ReplicaSetController), [], stop);
            }

            foreach (var extra in owned.Skip(want))
            {
                _deletes.Delete(Pods, ObjectMeta.Namespace(extra), ObjectMeta.Name(extra), null, null, dryRun: false);
            }

            var ready = owned.Take(want).Count(p => (p["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
                .Any(c => c["type"]?.ToString() == "Ready" && c["status"]?.ToString() == "True") == true);
            SetStatus(ReplicaSets, rs, new JsonObject
            {
                ["replicas"] = owned.Count,
                ["fullyLabeledReplicas"] = owned.Count,
                ["readyReplicas"] = ready,
                ["availableReplicas"] = ready,
                ["observedGeneration"] = ObjectMeta.Generation(rs),
            });
        }
    }

    private void SetStatus(ResourceType type, JsonObject obj, JsonObject status)
    {
        if (!JsonNode.DeepEquals(obj["status"], status))
        {
            obj["status"] = status;
            _state.Store.Replace(type, obj, ObjectMeta.ResourceVersion(obj));
        }
    }

    private static bool OwnedBy(JsonObject obj, JsonObject owner) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .Any(r => r["uid"]?.ToString() == ObjectMeta.Uid(owner) && r["controller"]?.GetValue<bool>() == true) == true;

    private static JsonArray OwnerReference(JsonObject owner) => new(new JsonObject
    {
        ["apiVersion"] = owner["apiVersion"]?.DeepClone(),
        ["kind"] = owner["kind"]?.DeepClone(),
        ["name"] = ObjectMeta.Name(owner),
        ["uid"] = ObjectMeta.Uid(owner),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    });

    /// <summary>The controller's template hash: FNV-32a of the template, encoded in the name-safe alphabet.</summary>
    private static string TemplateHash(JsonObject template)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(template.ToJsonString()))
        {
            hash = (hash ^ b) * 16777619u;
        }

        var digits = hash.ToString(CultureInfo.InvariantCulture);
        return string.Concat(digits.Select(d => alphabet[(d - '0') % alphabet.Length]));
    }

    private static AdmissionUser User(string controller) => new(
        $"system:serviceaccount:kube-system:{controller}",
        ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]);

    private static ResourceType Find(string group, string plural) => BuiltInResources.All.First(t => t.Group == group && t.Plural == plural);
}
