using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>The simulated Deployment and ReplicaSet controllers behind kubectl create -f and a replica patch.</summary>
public sealed class WorkloadFlowTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          replicas: REPLICAS
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: nginx:1.27, resources: {requests: {memory: 64Mi}}}]
        """;

    [Test]
    public async Task CreateDeployment_TwoReplicas_ReplicaSetWithHashAndRunningPods()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);

        var created = await kubectl.RunWithInputAsync(Deployment.Replace("REPLICAS", "2", StringComparison.Ordinal), "create", "-f", "-");
        var ready = await kubectl.RunAsync("wait", "--for=jsonpath={.status.readyReplicas}=2", "deployment/web", "--timeout=30s");
        var pods = await kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.metadata.name} {.metadata.ownerReferences[0].kind} {.status.phase}{\"\\n\"}{end}");
        var deployments = await kubectl.RunAsync("get", "deployments");

        Assert.That(created.StdOut, Does.Contain("deployment.apps/web created"), created.ToString());
        Assert.That(ready.StdOut, Does.Contain("deployment.apps/web condition met"), ready.ToString());
        var lines = pods.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines, Has.All.Match(@"^web-[b-z2-9]+-[b-z2-9]{5} ReplicaSet Running$"));
        Assert.That(deployments.StdOut, Does.Match(@"web\s+2/2\s+2\s+2\s+\d+s"));
    }

    [Test]
    public async Task ScaleDeployment_DownToOne_ExtraPodDeleted()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(Deployment.Replace("REPLICAS", "3", StringComparison.Ordinal), "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=jsonpath={.status.readyReplicas}=3", "deployment/web", "--timeout=30s");

        var scaled = await kubectl.RunAsync("patch", "deployment", "web", "--type=merge", "-p", "{\"spec\":{\"replicas\":1}}");
        var one = await kubectl.RunAsync("wait", "--for=jsonpath={.status.replicas}=1", "deployment/web", "--timeout=30s");

        Assert.That(scaled.StdOut, Does.Contain("deployment.apps/web patched"), scaled.ToString());
        Assert.That(one.ExitCode, Is.Zero, one.ToString());
    }
}
