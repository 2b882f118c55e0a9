using k8s;
using k8s.Models;
using RightSizer.Api.Units;
using RightSizer.Testing.KubeApi;

namespace RightSizer.EndToEnd.Tests.Updater;

/// <summary>The Deployments, policies and budgets the updater scenarios create in namespace shop, and what they read back.</summary>
internal static class UpdaterWorkloads
{
    public const string Namespace = "shop";

    /// <summary>A Deployment of <paramref name="replicas"/> pods asking for 512Mi (limit 1Gi): far from what its history needs.</summary>
    public static string Deployment(string name, int replicas) => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{{name}}}, namespace: shop}
        spec:
          replicas: {{{replicas}}}
          selector:
            matchLabels: {app: {{{name}}}}
          template:
            metadata:
              labels: {app: {{{name}}}}
            spec:
              containers:
                - name: app
                  image: registry.example/app:1
                  resources:
                    requests: {cpu: 100m, memory: 512Mi}
                    limits: {memory: 1Gi}
        """;

    /// <summary>A policy for Deployment <paramref name="name"/>; a cooldown of seconds so that the scenarios take seconds, not hours.</summary>
    public static string Policy(string name, string mode, string cooldown = "1s") => $$$"""
        apiVersion: rightsizer.io/v1alpha1
        kind: MemoryPolicy
        metadata: {name: {{{name}}}, namespace: shop}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: {{{name}}}}
          mode: {{{mode}}}
          update: {maxUnavailable: "1", cooldown: {{{cooldown}}}}
        """;

    /// <summary>The memory request and limit the policy's status recommends for container app.</summary>
    public static async Task<(Memory Request, Memory Limit)> RecommendationAsync(Kubectl kubectl, string policy)
    {
        var result = await kubectl.RunAsync("get", "memorypolicy", policy, "-n", Namespace, "-o",
            "jsonpath={.status.recommendations[0].request} {.status.recommendations[0].limit}");
        var parts = result.StdOut.Split(' ');
        return (Memory.Parse(parts[0]), Memory.Parse(parts[1]));
    }

    /// <summary>The Deployment's pods now, deleted ones left out.</summary>
    public static async Task<IReadOnlyList<V1Pod>> PodsAsync(IKubernetes client, string deployment) =>
        [.. (await client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: $"app={deployment}")).Items.Where(p => p.Metadata.DeletionTimestamp is null)];

    /// <summary>Whether the pod's app container asks for (spec) and, where the server reports it, runs with (status) these values.</summary>
    public static bool HasMemory(V1Pod pod, (Memory Request, Memory Limit) values)
    {
        var spec = pod.Spec.Containers.Single(c => c.Name == "app").Resources;
        var running = pod.Status?.ContainerStatuses?.SingleOrDefault(c => c.Name == "app")?.Resources ?? spec;
        return new[] { spec, running }.All(r => Memory.Parse(r.Requests["memory"].ToString()) == values.Request && Memory.Parse(r.Limits["memory"].ToString()) == values.Limit);
    }

    public static bool IsReady(V1Pod pod) => pod.Status?.Conditions?.Any(c => c is { Type: "Ready", Status: "True" }) == true;

    /// <summary>The reasons of the events recorded on the policy, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> PolicyEventsAsync(IKubernetes client, string policy) =>
        [.. (await client.CoreV1.ListNamespacedEventAsync(Namespace, fieldSelector: $"involvedObject.kind=MemoryPolicy,involvedObject.name={policy}")).Items
            .OrderBy(e => e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp).Select(e => e.Reason)];
}
