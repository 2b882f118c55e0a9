using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>kubectl drain evicts through pods/eviction, so a PodDisruptionBudget blocks it until the disruption controller finds it allows one.</summary>
public sealed class DrainFlowTests
{
    private const string Pods = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-1
          labels: {app: web}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9f8c6b5, uid: 6b0c6a5e-0000-4000-8000-000000000001, controller: true}]
        spec:
          containers: [{name: app, image: nginx:1.27, resources: {requests: {memory: 64Mi}}}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web-pdb}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: web}}
        """;

    [Test]
    public async Task Drain_PdbAllowsNone_BlockedThenAllowed()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(Pods, "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/web-1", "--timeout=30s");
        var none = await kubectl.RunAsync("wait", "--for=jsonpath={.status.currentHealthy}=1", "pdb/web-pdb", "--timeout=30s");

        var blocked = await kubectl.RunAsync("drain", "node-1", "--ignore-daemonsets", "--timeout=8s");
        await kubectl.RunAsync("patch", "pdb", "web-pdb", "--type=merge", "-p", "{\"spec\":{\"minAvailable\":0}}");
        var one = await kubectl.RunAsync("wait", "--for=jsonpath={.status.disruptionsAllowed}=1", "pdb/web-pdb", "--timeout=30s");
        var drained = await kubectl.RunAsync("drain", "node-1", "--ignore-daemonsets", "--timeout=30s");

        Assert.That(none.ExitCode, Is.Zero, none.ToString());
        Assert.That(one.ExitCode, Is.Zero, one.ToString());
        Assert.That(blocked.ExitCode, Is.EqualTo(1), blocked.ToString());
        Assert.That(blocked.StdErr, Does.Contain("Cannot evict pod as it would violate the pod's disruption budget."));
        Assert.That(drained.ExitCode, Is.Zero, drained.ToString());
        Assert.That(drained.StdOut, Does.Contain("pod/web-1 evicted"));
        Assert.That(drained.StdOut, Does.Contain("node/node-1 drained"));
        Assert.That(server.Requests, Has.Some.EqualTo(new ApiRequestRecord("create", "", "pods", "eviction", "default")));
        Assert.That(server.Evictions.Select(e => (e.Pod, e.Code)).Distinct(), Is.EqualTo(new[] { ("web-1", 429), ("web-1", 201) }), "refused, then evicted");
    }
}
