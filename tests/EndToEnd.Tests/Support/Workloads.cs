namespace RightSizer.EndToEnd.Tests.Support;

/// <summary>Manifests the scenarios apply with kubectl: a Deployment of one container <c>app</c>, a MemoryPolicy for it.</summary>
public static class Workloads
{
    /// <param name="resizePolicy">The container's memory resizePolicy (1.33 lowers a limit in place only with RestartContainer).</param>
    public static string Deployment(string ns, string name, int replicas = 2, string resizePolicy = "NotRequired") => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{{name}}}, namespace: {{{ns}}}}
        spec:
          replicas: {{{replicas}}}
          selector: {matchLabels: {app: {{{name}}}}}
          template:
            metadata: {labels: {app: {{{name}}}}}
            spec:
              containers:
                - name: app
                  image: registry.example/app:1
                  resources:
                    requests: {cpu: 100m, memory: 1Gi}
                    limits: {memory: 2Gi}
                  resizePolicy: [{resourceName: memory, restartPolicy: {{{resizePolicy}}}}]

        """;

    /// <summary>A policy for the Deployment of the same name, with a 1s cooldown so that updates are not held back.</summary>
    public static string Policy(string ns, string name, string mode) => $$$"""
        apiVersion: rightsizer.io/v1alpha1
        kind: MemoryPolicy
        metadata: {name: {{{name}}}, namespace: {{{ns}}}}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: {{{name}}}}
          mode: "{{{mode}}}"
          update: {cooldown: 1s}

        """;
}
