using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The StatefulSet controller (kubernetes <c>pkg/controller/statefulset</c>): pods named <c>&lt;set&gt;-&lt;ordinal&gt;</c>
/// for ordinals 0..replicas-1, labelled with the update revision (<c>controller-revision-hash: &lt;set&gt;-&lt;hash&gt;</c>),
/// <c>statefulset.kubernetes.io/pod-name</c> and <c>apps.kubernetes.io/pod-index</c>, hostname and subdomain set.
/// OrderedReady creates one ordinal at a time once the ones before are Running and Ready and removes the highest
/// first; Parallel does both at once. RollingUpdate replaces the highest ordinal of an old revision (down to the
/// partition) once every pod is Ready; OnDelete waits for the pod to be deleted.
/// </summary>
internal sealed class StatefulSetController(ApiServerState state, ResourceWrites writes, ResourceDeletes deletes) : ISimulatedController
{
    public const string RevisionLabel = "controller-revision-hash";
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";
    public const string PodIndexLabel = "apps.kubernetes.io/pod-index";
    private static readonly ResourceType StatefulSets = ControllerObjects.Find("apps", "statefulsets");

    public IReadOnlyList<ResourceType> Watches { get; } = [StatefulSets, ControllerObjects.Pods];

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var pods = state.Store.List(ControllerObjects.Pods, null).Items;
        foreach (var set in state.Store.List(StatefulSets, null).Items)
        {
            var owned = pods.Where(p => ControllerObjects.IsControlledBy(p, set))
                .Select(p => (Ordinal: Ordinal(set, p), Pod: p)).Where(p => p.Ordinal >= 0).OrderBy(p => p.Ordinal).ToList();
            var revision = $"{ObjectMeta.Name(set)}-{ControllerObjects.TemplateHash(set["spec"]?["template"])}";
            await ScaleAsync(set, owned, revision, cancellationToken);
            UpdateStatus(set, owned.Select(p => p.Pod).ToList(), revision);
        }
    }

    private async Task ScaleAsync(JsonObject set, IReadOnlyList<(int Ordinal, JsonObject Pod)> owned, string revision, CancellationToken cancellationToken)
    {
        var ns = ObjectMeta.Namespace(set);
        var replicas = set["spec"]?["replicas"]?.GetValue<int>() ?? 1;
        var parallel = set["spec"]?["podManagementPolicy"]?.ToString() == "Parallel";
        var byOrdinal = owned.ToDictionary(p => p.Ordinal, p => p.Pod);
        for (var ordinal = 0; ordinal < replicas; ordinal++)
        {
            if (!byOrdinal.TryGetValue(ordinal, out var existing))
            {
                await writes.CreateAsync(new ApiPath(ControllerObjects.Pods, ns, "", ""), NewPod(set, ordinal, revision),
                    WriteOptions.Internal("kube-controller-manager", ControllerObjects.ServiceAccount("statefulset-controller")), [], cancellationToken);
                if (!parallel)
                {
                    return;
                }
            }
            else if (!parallel && !IsRunningAndReady(existing))
            {
                return;
            }
        }

        var condemned = owned.Where(p => p.Ordinal >= replicas && !ObjectMeta.IsDeleting(p.Pod)).Reverse().ToList();
        var healthy = owned.All(p => IsRunningAndReady(p.Pod));
        foreach (var (_, pod) in parallel ? condemned : condemned.Take(healthy ? 1 : 0))
        {
            deletes.Delete(ControllerObjects.Pods, ns, ObjectMeta.Name(pod), null, null, dryRun: false);
        }

        if (condemned.Count > 0 || !healthy || set["spec"]?["updateStrategy"]?["type"]?.ToString() == "OnDelete")
        {
            return;
        }

        var partition = set["spec"]?["updateStrategy"]?["rollingUpdate"]?["partition"]?.GetValue<int>() ?? 0;
        var outdated = owned.LastOrDefault(p => p.Ordinal >= partition && p.Ordinal < replicas && RevisionOf(p.Pod) != revision);
        if (outdated.Pod is not null)
        {
            deletes.Delete(ControllerObjects.Pods, ns, ObjectMeta.Name(outdated.Pod), null, null, dryRun: false);
        }
    }

    private JsonObject NewPod(JsonObject set, int ordinal, string revision)
    {
        var name = $"{ObjectMeta.Name(set)}-{ordinal.ToString(CultureInfo.InvariantCulture)}";
        var pod = ControllerObjects.PodFromTemplate(set, set["spec"]?["template"]);
        var metadata = ObjectMeta.Of(pod);
        metadata["name"] = name;
        var labels = (JsonObject)metadata["labels"]!;
        labels[RevisionLabel] = revision;
        labels[PodNameLabel] = name;
        labels[PodIndexLabel] = ordinal.ToString(CultureInfo.InvariantCulture);
        var spec = pod["spec"] as JsonObject ?? [];
        spec["hostname"] = name;
        if (set["spec"]?["serviceName"]?.ToString() is { Length: > 0 } service)
        {
            spec["subdomain"] = service;
        }

        pod["spec"] = spec;
        return pod;
    }

    private void UpdateStatus(JsonObject set, IReadOnlyList<JsonObject> pods, string revision)
    {
        var replicas = set["spec"]?["replicas"]?.GetValue<int>() ?? 1;
        var live = pods.Where(p => !ObjectMeta.IsDeleting(p)).ToList();
        var updated = live.Count(p => RevisionOf(p) == revision);
        var ready = live.Count(IsRunningAndReady);
        var previous = set["status"]?["currentRevision"]?.ToString();
        var current = previous is null || (updated == replicas && ready == replicas && live.Count == replicas) ? revision : previous;
        ControllerObjects.SetStatus(state.Store, StatefulSets, set, new JsonObject
        {
            ["observedGeneration"] = ObjectMeta.Generation(set),
            ["replicas"] = live.Count,
            ["readyReplicas"] = ready,
            ["currentReplicas"] = live.Count(p => RevisionOf(p) == current),
            ["updatedReplicas"] = updated,
            ["currentRevision"] = current,
            ["updateRevision"] = revision,
            ["collisionCount"] = 0,
            ["availableReplicas"] = ready,
        });
    }

    private static bool IsRunningAndReady(JsonObject pod) =>
        ControllerObjects.Phase(pod) == "Running" && ControllerObjects.IsReady(pod) && !ObjectMeta.IsDeleting(pod);

    private static string? RevisionOf(JsonObject pod) => pod["metadata"]?["labels"]?[RevisionLabel]?.ToString();

    /// <summary>The ordinal in the pod's name (<c>&lt;set&gt;-&lt;n&gt;</c>), or -1 when the name is not one the set would give.</summary>
    private static int Ordinal(JsonObject set, JsonObject pod)
    {
        var prefix = ObjectMeta.Name(set) + "-";
        var name = ObjectMeta.Name(pod);
        return name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) ? ordinal : -1;
    }
}
