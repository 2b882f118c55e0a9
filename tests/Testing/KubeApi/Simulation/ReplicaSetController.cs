using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;
using RightSizer.Testing.KubeApi.Semantics.Webhooks;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The ReplicaSet controller: every ReplicaSet gets its replica count of pods, created through admission as the real
/// controller creates them (generateName, no name, the controller reference, the replicaset-controller user).
/// </summary>
internal sealed class ReplicaSetController(ApiServerState state, ResourceWrites writes, ResourceDeletes deletes) : ISimulatedController
{
    private static readonly ResourceType ReplicaSets = ControllerObjects.Find("apps", "replicasets");

    public IReadOnlyList<ResourceType> Watches { get; } = [ReplicaSets, ControllerObjects.Pods];

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var pods = state.Store.List(ControllerObjects.Pods, null).Items;
        foreach (var rs in state.Store.List(ReplicaSets, null).Items)
        {
            var owned = pods.Where(p => ControllerObjects.IsControlledBy(p, rs) && !ObjectMeta.IsDeleting(p)).ToList();
            var want = rs["spec"]?["replicas"]?.GetValue<int>() ?? 1;
            for (var i = owned.Count; i < want; i++)
            {
                var pod = ControllerObjects.PodFromTemplate(rs, rs["spec"]?["template"]);
                ObjectMeta.Of(pod)["generateName"] = ObjectMeta.Name(rs) + "-";
                await writes.CreateAsync(new ApiPath(ControllerObjects.Pods, ObjectMeta.Namespace(rs), "", ""), pod,
                    WriteOptions.Internal("kube-controller-manager", AdmissionUser.ReplicaSetController), [], cancellationToken);
            }

            foreach (var extra in owned.Skip(want))
            {
                deletes.Delete(ControllerObjects.Pods, ObjectMeta.Namespace(extra), ObjectMeta.Name(extra), null, null, dryRun: false);
            }

            var ready = owned.Take(want).Count(ControllerObjects.IsReady);
            ControllerObjects.SetStatus(state.Store, ReplicaSets, rs, new JsonObject
            {
                ["replicas"] = owned.Count,
                ["fullyLabeledReplicas"] = owned.Count,
                ["readyReplicas"] = ready,
                ["availableReplicas"] = ready,
                ["observedGeneration"] = ObjectMeta.Generation(rs),
            });
        }
    }
}
