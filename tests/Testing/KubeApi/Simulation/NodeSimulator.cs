using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Api.Units;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Pods;
using RightSizer.Testing.KubeApi.Storage;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The scheduler and the kubelets of a cluster without either (what KWOK does): pods are bound to the first Node with
/// room for their memory requests, then reported Running and Ready with their containers' resources; in-place
/// resizes are allocated, deferred or refused by the node's free memory and then actuated (<see cref="KubeletResize"/>),
/// deferred ones retried whenever a pod on the node changes or goes; graceful deletes are finished at once; an OOM
/// kill can be injected. Without <c>SimulateNodes</c> it only adds Nodes.
/// </summary>
public sealed class NodeSimulator : IAsyncDisposable
{
    private static readonly ResourceType Pods = BuiltInResources.All.First(t => t is { Group: "", Plural: "pods" });
    private static readonly ResourceType NodeType = BuiltInResources.All.First(t => t is { Group: "", Plural: "nodes" });

    private readonly ApiServerState _state;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _nextIp = 10;
    private volatile bool _holdResizes;

    /// <summary>The pods whose resize is Deferred now (uid → node), so that only nodes with one are searched for a retry.</summary>
    private readonly ConcurrentDictionary<string, string> _deferred = new();

    internal NodeSimulator(ApiServerState state, bool enabled)
    {
        _state = state;
        _loop = enabled ? Task.Run(() => RunAsync(_stop.Token)) : Task.CompletedTask;
    }

    /// <summary>Adds a Ready Node with this allocatable memory and cpu (e.g. "16Gi", "8").</summary>
    public void AddNode(string name, string memory, string cpu)
    {
        var now = ObjectMeta.Timestamp(_state.Time.GetUtcNow());
        var resources = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = "110" };
        _state.Store.Create(NodeType, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["uid"] = _state.NewUid().ToString(),
                ["creationTimestamp"] = now,
                ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = name, ["kubernetes.io/os"] = "linux" },
            },
            ["spec"] = new JsonObject(),
            ["status"] = new JsonObject
            {
                ["capacity"] = resources.DeepClone(),
                ["allocatable"] = resources,
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Ready",
                    ["status"] = "True",
                    ["reason"] = "KubeletReady",
                    ["message"] = "kubelet is posting ready status",
                    ["lastHeartbeatTime"] = now,
                    ["lastTransitionTime"] = now,
                }),
                ["addresses"] = new JsonArray(new JsonObject { ["type"] = "InternalIP", ["address"] = $"192.168.0.{_state.Store.List(NodeType, null).Items.Count + 10}" }),
                ["nodeInfo"] = new JsonObject { ["kubeletVersion"] = _state.GitVersion, ["osImage"] = "Simulated", ["kernelVersion"] = "6.1.0", ["containerRuntimeVersion"] = "containerd://1.7.0", ["architecture"] = "amd64", ["operatingSystem"] = "linux" },
            },
        });
    }

    /// <summary>The kubelet's report of an OOM kill: lastState terminated OOMKilled, restartCount + 1, running again.</summary>
    public void InjectOomKill(string ns, string pod, string container) => Mutate(ns, pod, obj =>
    {
        var status = (obj["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["name"]?.ToString() == container)
            ?? throw new InvalidOperationException($"pod {ns}/{pod} has no running container {container}");
        var now = ObjectMeta.Timestamp(_state.Time.GetUtcNow());
        status["lastState"] = new JsonObject
        {
            ["terminated"] = new JsonObject
            {
                ["exitCode"] = 137,
                ["reason"] = "OOMKilled",
                ["startedAt"] = status["state"]?["running"]?["startedAt"]?.DeepClone(),
                ["finishedAt"] = now,
                ["containerID"] = status["containerID"]?.DeepClone(),
            },
        };
        status["restartCount"] = (status["restartCount"]?.GetValue<int>() ?? 0) + 1;
        status["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } };
    });

    /// <summary>Allocated resizes stay PodResizeInProgress (as while a runtime applies them) until <see cref="ReleaseResizes"/>.</summary>
    public void HoldResizes() => _holdResizes = true;

    /// <summary>Actuates the resizes held since <see cref="HoldResizes"/> and every later one at once.</summary>
    public void ReleaseResizes()
    {
        _holdResizes = false;
        foreach (var pod in _state.Store.List(Pods, null).Items.Where(p => KubeletResize.HasCondition(p, KubeletResize.InProgressCondition)))
        {
            TryResize(pod);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        using var watch = _state.Store.Watch(Pods, null, 0);
        foreach (var change in watch.Initial)
        {
            Handle(change);
        }

        while (await watch.Live.WaitToReadAsync(stop))
        {
            while (watch.Live.TryRead(out var change))
            {
                Handle(change);
            }
        }
    }

    private void Handle(StoreEvent change)
    {
        var pod = change.Object;
        if (change.Type == "DELETED")
        {
            _deferred.TryRemove(ObjectMeta.Uid(pod), out _);
            RetryDeferred(pod);
            return;
        }

        var ns = ObjectMeta.Namespace(pod);
        var name = ObjectMeta.Name(pod);
        try
        {
            if (ObjectMeta.IsDeleting(pod))
            {
                if (ObjectMeta.Finalizers(pod).Count == 0)
                {
                    _state.Store.Remove(Pods, ns, name);
                }
            }
            else if (pod["spec"]?["nodeName"] is null)
            {
                Schedule(pod);
            }
            else if (pod["status"]?["phase"]?.ToString() == "Pending")
            {
                Mutate(ns, name, Start);
            }
            else if (InPlaceResizeGate.IsOn(_state.Minor) && pod["status"]?["phase"]?.ToString() == "Running")
            {
                TryResize(pod);
                RetryDeferred(pod);
            }
        }
        catch (ApiStatusException e) when (e.Status.Code is 404 or 409)
        {
            // Changed or gone meanwhile; the next event brings the new state.
        }
    }

    /// <summary>Moves a running pod's resize one step, measured against the other pods allocated on its node.</summary>
    private void TryResize(JsonObject pod)
    {
        if (KubeletResize.Settled(pod))
        {
            _deferred.TryRemove(ObjectMeta.Uid(pod), out _);
            return;
        }

        var nodeName = pod["spec"]?["nodeName"]?.ToString();
        var node = _state.Store.List(NodeType, null).Items.FirstOrDefault(n => ObjectMeta.Name(n) == nodeName);
        if (node is null)
        {
            return;
        }

        var allocatable = Memory.TryParse(node["status"]?["allocatable"]?["memory"]?.ToString(), out var memory) ? memory : Memory.Zero;
        var others = OnNode(nodeName!).Where(p => ObjectMeta.Uid(p) != ObjectMeta.Uid(pod)).Aggregate(Memory.Zero, (sum, p) => sum + KubeletResize.Allocated(p));
        var now = _state.Time.GetUtcNow();
        try
        {
            var stored = _state.Store.Get(Pods, ObjectMeta.Namespace(pod), ObjectMeta.Name(pod));
            if (stored is not null && KubeletResize.Step(stored, others, allocatable, !_holdResizes, now))
            {
                _state.Store.Replace(Pods, stored, ObjectMeta.ResourceVersion(stored));
                if (KubeletResize.IsDeferred(stored))
                {
                    _deferred[ObjectMeta.Uid(stored)] = nodeName!;
                }
                else
                {
                    _deferred.TryRemove(ObjectMeta.Uid(stored), out _);
                }
            }
        }
        catch (ApiStatusException e) when (e.Status.Code is 404 or 409)
        {
            // Changed or gone meanwhile; the next event brings the new state.
        }
    }

    /// <summary>The kubelet retries deferred resizes when a pod on the node changes or goes, in case room was freed.</summary>
    private void RetryDeferred(JsonObject changed)
    {
        if (changed["spec"]?["nodeName"]?.ToString() is not { } nodeName)
        {
            return;
        }

        if (!_deferred.Values.Contains(nodeName))
        {
            return;
        }

        foreach (var pod in OnNode(nodeName).Where(p => ObjectMeta.Uid(p) != ObjectMeta.Uid(changed) && KubeletResize.IsDeferred(p)))
        {
            TryResize(pod);
        }
    }

    private IEnumerable<JsonObject> OnNode(string nodeName) =>
        _state.Store.List(Pods, null).Items.Where(p => p["spec"]?["nodeName"]?.ToString() == nodeName
            && p["status"]?["phase"]?.ToString() is not ("Succeeded" or "Failed"));

    private void Schedule(JsonObject pod)
    {
        var request = Requests(pod);
        var pods = _state.Store.List(Pods, null).Items;
        foreach (var node in _state.Store.List(NodeType, null).Items)
        {
            var nodeName = ObjectMeta.Name(node);
            var allocatable = Memory.TryParse(node["status"]?["allocatable"]?["memory"]?.ToString(), out var memory) ? memory : Memory.Zero;
            var used = pods.Where(p => p["spec"]?["nodeName"]?.ToString() == nodeName).Aggregate(Memory.Zero, (sum, p) => sum + Requests(p));
            if (PodPlacement.Allows(pod, node) && used + request <= allocatable)
            {
                Mutate(ObjectMeta.Namespace(pod), ObjectMeta.Name(pod), p => p["spec"]!["nodeName"] = nodeName);
                return;
            }
        }
    }

    private void Start(JsonObject pod)
    {
        var now = ObjectMeta.Timestamp(_state.Time.GetUtcNow());
        var status = pod["status"] as JsonObject ?? [];
        var ip = Interlocked.Increment(ref _nextIp);
        status["phase"] = "Running";
        status["podIP"] = string.Create(CultureInfo.InvariantCulture, $"10.244.{ip / 250}.{ip % 250}");
        status["hostIP"] = "192.168.0.10";
        status["startTime"] = now;
        status["conditions"] = new JsonArray([.. new[] { "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled" }
            .Select(t => (JsonNode)new JsonObject { ["type"] = t, ["status"] = "True", ["lastProbeTime"] = null, ["lastTransitionTime"] = now })]);
        status["containerStatuses"] = new JsonArray([.. (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c["name"]?.DeepClone(),
            ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } },
            ["lastState"] = new JsonObject(),
            ["ready"] = true,
            ["restartCount"] = 0,
            ["image"] = c["image"]?.DeepClone(),
            ["imageID"] = $"docker.io/library/{c["image"]}@sha256:0",
            ["containerID"] = $"containerd://{_state.NewUid():N}",
            ["started"] = true,
        })]);
        if (InPlaceResizeGate.IsOn(_state.Minor))
        {
            foreach (var (container, containerStatus) in (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().Zip(((JsonArray)status["containerStatuses"]!).OfType<JsonObject>()))
            {
                containerStatus["allocatedResources"] = container["resources"]?["requests"]?.DeepClone();
                containerStatus["resources"] = container["resources"]?.DeepClone() ?? new JsonObject();
            }
        }

        pod["status"] = status;
    }

    private void Mutate(string ns, string name, Action<JsonObject> change)
    {
        var pod = _state.Store.Get(Pods, ns, name) ?? throw new ApiStatusException(StatusErrors.NotFound(Pods.Resource, name));
        var rv = ObjectMeta.ResourceVersion(pod);
        change(pod);
        _state.Store.Replace(Pods, pod, rv);
    }

    private static Memory Requests(JsonObject pod) =>
        (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>()
            .Aggregate(Memory.Zero, (sum, c) => sum + (Memory.TryParse(c["resources"]?["requests"]?["memory"]?.ToString(), out var m) ? m : Memory.Zero));
}
