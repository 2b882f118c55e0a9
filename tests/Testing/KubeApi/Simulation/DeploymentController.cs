using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Registry;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The Deployment controller: every Deployment gets the ReplicaSet of its current template, named with the
/// pod-template-hash, holding the Deployment's replicas; older ReplicaSets are scaled to 0; the status sums theirs.
/// </summary>
internal sealed class DeploymentController(ApiServerState state, ResourceWrites writes) : ISimulatedController
{
    private const string HashLabel = "pod-template-hash";
    private static readonly ResourceType Deployments = ControllerObjects.Find("apps", "deployments");
    private static readonly ResourceType ReplicaSets = ControllerObjects.Find("apps", "replicasets");

    public IReadOnlyList<ResourceType> Watches { get; } = [Deployments, ReplicaSets];

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var replicaSets = state.Store.List(ReplicaSets, null).Items;
        foreach (var deployment in state.Store.List(Deployments, null).Items)
        {
            var ns = ObjectMeta.Namespace(deployment);
            var template = (JsonObject)(deployment["spec"]?["template"]?.DeepClone() ?? new JsonObject());
            var hash = ControllerObjects.TemplateHash(template);
            var owned = replicaSets.Where(rs => ControllerObjects.IsControlledBy(rs, deployment)).ToList();
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
                await writes.CreateAsync(new ApiPath(ReplicaSets, ns, "", ""), new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "ReplicaSet",
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = $"{ObjectMeta.Name(deployment)}-{hash}",
                        ["namespace"] = ns,
                        ["labels"] = labels,
                        ["ownerReferences"] = ControllerObjects.ControllerReference(deployment),
                    },
                    ["spec"] = new JsonObject { ["replicas"] = replicas, ["selector"] = selector, ["template"] = template },
                }, WriteOptions.Internal("kube-controller-manager", ControllerObjects.ServiceAccount("deployment-controller")), [], cancellationToken);
                continue;
            }

            foreach (var rs in owned)
            {
                var want = rs == current ? replicas : 0;
                if (rs["spec"]?["replicas"]?.GetValue<int>() != want)
                {
                    rs["spec"]!["replicas"] = want;
                    state.Store.Replace(ReplicaSets, rs, ObjectMeta.ResourceVersion(rs));
                }
            }

            ControllerObjects.SetStatus(state.Store, Deployments, deployment, new JsonObject
            {
                ["observedGeneration"] = ObjectMeta.Generation(deployment),
                ["replicas"] = owned.Sum(rs => ControllerObjects.Int(rs["status"]?["replicas"])),
                ["updatedReplicas"] = ControllerObjects.Int(current["status"]?["replicas"]),
                ["readyReplicas"] = owned.Sum(rs => ControllerObjects.Int(rs["status"]?["readyReplicas"])),
                ["availableReplicas"] = owned.Sum(rs => ControllerObjects.Int(rs["status"]?["availableReplicas"])),
            });
        }
    }
}
