using System.Globalization;
using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The DaemonSet controller (kubernetes <c>pkg/controller/daemon</c>): one pod per node the template's nodeSelector
/// admits, created with <c>generateName: &lt;set&gt;-</c>, the labels <c>controller-revision-hash</c> (the bare hash)
/// and <c>pod-template-generation</c>, a required node affinity <c>matchFields metadata.name In [node]</c> that the
/// scheduler honours, and the daemon tolerations (util.AddOrUpdateDaemonPodTolerations). Pods on nodes that are gone
/// or no longer admitted are deleted; RollingUpdate replaces one pod of an old revision at a time once all are Ready.
/// </summary>
internal sealed class DaemonSetController(ApiServerState state, ResourceWrites writes, ResourceDeletes deletes) : ISimulatedController
{
    public const string RevisionLabel = "controller-revision-hash";
    public const string GenerationLabel = "pod-template-generation";
    private static readonly ResourceType DaemonSets = ControllerObjects.Find("apps", "daemonsets");

    private static readonly (string Key, string Effect)[] DaemonTolerations =
    [
        ("node.kubernetes.io/not-ready", "NoExecute"),
        ("node.kubernetes.io/unreachable", "NoExecute"),
        ("node.kubernetes.io/disk-pressure", "NoSchedule"),
        ("node.kubernetes.io/memory-pressure", "NoSchedule"),
        ("node.kubernetes.io/pid-pressure", "NoSchedule"),
        (PodPlacement.UnschedulableTaint, "NoSchedule"),
    ];

    public IReadOnlyList<ResourceType> Watches { get; } = [DaemonSets, ControllerObjects.Pods, ControllerObjects.Nodes];

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var pods = state.Store.List(ControllerObjects.Pods, null).Items;
        var nodes = state.Store.List(ControllerObjects.Nodes, null).Items;
        foreach (var set in state.Store.List(DaemonSets, null).Items)
        {
            var ns = ObjectMeta.Namespace(set);
            var hash = ControllerObjects.TemplateHash(set["spec"]?["template"]);
            var owned = pods.Where(p => ControllerObjects.IsControlledBy(p, set) && !ObjectMeta.IsDeleting(p)).ToList();
            var eligible = nodes.Where(n => PodPlacement.Allows(NewPod(set, ObjectMeta.Name(n), hash), n)).Select(ObjectMeta.Name).ToHashSet();
            foreach (var node in eligible.Where(n => !owned.Any(p => PodPlacement.PinnedNode(p) == n)))
            {
                await writes.CreateAsync(new ApiPath(ControllerObjects.Pods, ns, "", ""), NewPod(set, node, hash),
                    WriteOptions.Internal("kube-controller-manager", ControllerObjects.ServiceAccount("daemon-set-controller")), [], cancellationToken);
            }

            var misplaced = owned.Where(p => PodPlacement.PinnedNode(p) is not { } n || !eligible.Contains(n)).ToList();
            var duplicates = owned.Except(misplaced).GroupBy(PodPlacement.PinnedNode).SelectMany(g => g.Skip(1)).ToList();
            foreach (var pod in misplaced.Concat(duplicates))
            {
                deletes.Delete(ControllerObjects.Pods, ns, ObjectMeta.Name(pod), null, null, dryRun: false);
            }

            var placed = owned.Except(misplaced).Except(duplicates).ToList();
            if (set["spec"]?["updateStrategy"]?["type"]?.ToString() != "OnDelete" && placed.Count == eligible.Count && placed.All(ControllerObjects.IsReady)
                && placed.FirstOrDefault(p => RevisionOf(p) != hash) is { } outdated)
            {
                deletes.Delete(ControllerObjects.Pods, ns, ObjectMeta.Name(outdated), null, null, dryRun: false);
            }

            UpdateStatus(set, placed, misplaced.Count, eligible.Count, hash);
        }
    }

    private static JsonObject NewPod(JsonObject set, string node, string hash)
    {
        var pod = ControllerObjects.PodFromTemplate(set, set["spec"]?["template"]);
        var metadata = ObjectMeta.Of(pod);
        metadata["generateName"] = ObjectMeta.Name(set) + "-";
        var labels = (JsonObject)metadata["labels"]!;
        labels[RevisionLabel] = hash;
        labels[GenerationLabel] = ObjectMeta.Generation(set).ToString(CultureInfo.InvariantCulture);
        var spec = pod["spec"] as JsonObject ?? [];
        var affinity = spec["affinity"] as JsonObject ?? [];
        var nodeAffinity = affinity["nodeAffinity"] as JsonObject ?? [];
        nodeAffinity["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
        {
            ["nodeSelectorTerms"] = new JsonArray(new JsonObject
            {
                ["matchFields"] = new JsonArray(new JsonObject { ["key"] = "metadata.name", ["operator"] = "In", ["values"] = new JsonArray(node) }),
            }),
        };
        affinity["nodeAffinity"] = nodeAffinity;
        spec["affinity"] = affinity;
        var tolerations = spec["tolerations"] as JsonArray ?? [];
        foreach (var (key, effect) in DaemonTolerations)
        {
            if (!tolerations.OfType<JsonObject>().Any(t => t["key"]?.ToString() == key && t["effect"]?.ToString() == effect))
            {
                tolerations.Add(new JsonObject { ["key"] = key, ["operator"] = "Exists", ["effect"] = effect });
            }
        }

        spec["tolerations"] = tolerations;
        pod["spec"] = spec;
        return pod;
    }

    private void UpdateStatus(JsonObject set, IReadOnlyList<JsonObject> placed, int misplaced, int desired, string hash)
    {
        var ready = placed.Count(ControllerObjects.IsReady);
        var status = new JsonObject
        {
            ["currentNumberScheduled"] = placed.Count,
            ["numberMisscheduled"] = misplaced,
            ["desiredNumberScheduled"] = desired,
            ["numberReady"] = ready,
            ["observedGeneration"] = ObjectMeta.Generation(set),
            ["updatedNumberScheduled"] = placed.Count(p => RevisionOf(p) == hash),
            ["numberAvailable"] = ready,
        };
        if (desired - ready > 0)
        {
            status["numberUnavailable"] = desired - ready;
        }

        ControllerObjects.SetStatus(state.Store, DaemonSets, set, status);
    }

    private static string? RevisionOf(JsonObject pod) => pod["metadata"]?["labels"]?[RevisionLabel]?.ToString();
}
