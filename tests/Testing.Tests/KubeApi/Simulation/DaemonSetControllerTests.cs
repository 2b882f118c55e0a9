using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi.Simulation;

/// <summary>The simulated DaemonSet controller: one pod per node, pinned by node affinity and bound by the scheduler.</summary>
public sealed class DaemonSetControllerTests
{
    private const string DaemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: kube-system}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: fluent-bit:3.2, resources: {requests: {memory: 32Mi}}}]
        """;

    [Test]
    public async Task Create_TwoNodesThenAThird_OnePodPerNodeAffinityPinned()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        server.Nodes.AddNode("node-2", "4Gi", "2");
        var kubectl = new Kubectl(server);

        var created = await kubectl.RunWithInputAsync(DaemonSet, "create", "-f", "-");
        var two = await kubectl.RunAsync("-n", "kube-system", "wait", "--for=jsonpath={.status.numberReady}=2", "daemonset/agent", "--timeout=30s");
        server.Nodes.AddNode("node-3", "4Gi", "2");
        var three = await kubectl.RunAsync("-n", "kube-system", "wait", "--for=jsonpath={.status.numberReady}=3", "daemonset/agent", "--timeout=30s");
        var pods = await kubectl.RunAsync("-n", "kube-system", "get", "pods", "-l", "app=agent", "-o",
            "jsonpath={range .items[*]}{.spec.nodeName}={.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]} "
            + "{.metadata.ownerReferences[0].kind} {.metadata.labels.pod-template-generation}{\"\\n\"}{end}");
        var tolerations = await kubectl.RunAsync("-n", "kube-system", "get", "pods", "-l", "app=agent", "-o", "jsonpath={.items[0].spec.tolerations[*].key}");
        var table = await kubectl.RunAsync("-n", "kube-system", "get", "daemonsets");

        Assert.That(created.StdOut, Does.Contain("daemonset.apps/agent created"), created.ToString());
        Assert.That(two.ExitCode, Is.Zero, two.ToString());
        Assert.That(three.ExitCode, Is.Zero, three.ToString());
        Assert.That(pods.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), Is.EqualTo(new[]
        {
            "node-1=node-1 DaemonSet 1",
            "node-2=node-2 DaemonSet 1",
            "node-3=node-3 DaemonSet 1",
        }));
        Assert.That(tolerations.StdOut, Does.Contain("node.kubernetes.io/unschedulable").And.Contain("node.kubernetes.io/not-ready"));
        Assert.That(table.StdOut, Does.Match(@"agent\s+3\s+3\s+3\s+3\s+3\s+\d+s"));
    }

    [Test]
    public async Task Drain_DaemonSetPod_IgnoredAndKeptOnCordonedNode()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(DaemonSet, "create", "-f", "-");
        await kubectl.RunAsync("-n", "kube-system", "wait", "--for=jsonpath={.status.numberReady}=1", "daemonset/agent", "--timeout=30s");

        var drained = await kubectl.RunAsync("drain", "node-1", "--ignore-daemonsets", "--timeout=30s");
        var pods = await kubectl.RunAsync("-n", "kube-system", "get", "pods", "-l", "app=agent", "-o", "jsonpath={.items[*].spec.nodeName}");

        Assert.That(drained.ExitCode, Is.Zero, drained.ToString());
        Assert.That(drained.StdErr, Does.Contain("ignoring DaemonSet-managed Pods: kube-system/agent-"));
        Assert.That(pods.StdOut, Is.EqualTo("node-1"));
    }
}
