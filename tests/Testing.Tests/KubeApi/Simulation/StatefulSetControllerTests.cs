using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi.Simulation;

/// <summary>The simulated StatefulSet controller behind kubectl create -f and a replica patch.</summary>
public sealed class StatefulSetControllerTests
{
    private const string StatefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: 3
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: postgres:17, resources: {requests: {memory: 64Mi}}}]
        """;

    private const string PodColumns =
        "jsonpath={range .items[*]}{.metadata.name} {.metadata.labels.statefulset\\.kubernetes\\.io/pod-name} {.metadata.labels.apps\\.kubernetes\\.io/pod-index} "
        + "{.metadata.labels.controller-revision-hash} {.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.spec.hostname}.{.spec.subdomain} {.status.phase}{\"\\n\"}{end}";

    [Test]
    public async Task Create_ThreeReplicas_OrdinalPodsWithRevisionLabels()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);

        var created = await kubectl.RunWithInputAsync(StatefulSet, "create", "-f", "-");
        var ready = await kubectl.RunAsync("wait", "--for=jsonpath={.status.readyReplicas}=3", "statefulset/db", "--timeout=30s");
        var pods = await kubectl.RunAsync("get", "pods", "-l", "app=db", "-o", PodColumns);
        var revision = await kubectl.RunAsync("get", "statefulset", "db", "-o", "jsonpath={.status.updateRevision} {.status.currentRevision} {.status.currentReplicas}");
        var table = await kubectl.RunAsync("get", "statefulsets");

        Assert.That(created.StdOut, Does.Contain("statefulset.apps/db created"), created.ToString());
        Assert.That(ready.ExitCode, Is.Zero, ready.ToString());
        Assert.That(revision.StdOut, Does.Match(@"^(db-[4-9bcdf]+) \1 3$"), revision.ToString());
        var hash = revision.StdOut.Split(' ')[0];
        Assert.That(pods.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            $"db-0 db-0 0 {hash} StatefulSet/db db-0.db Running",
            $"db-1 db-1 1 {hash} StatefulSet/db db-1.db Running",
            $"db-2 db-2 2 {hash} StatefulSet/db db-2.db Running",
        }));
        Assert.That(table.StdOut, Does.Match(@"db\s+3/3\s+\d+s"));
    }

    [Test]
    public async Task Scale_DownToOne_HighestOrdinalsRemoved()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(StatefulSet, "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=jsonpath={.status.readyReplicas}=3", "statefulset/db", "--timeout=30s");

        var scaled = await kubectl.RunAsync("patch", "statefulset", "db", "--type=merge", "-p", "{\"spec\":{\"replicas\":1}}");
        var one = await kubectl.RunAsync("wait", "--for=jsonpath={.status.replicas}=1", "statefulset/db", "--timeout=30s");
        var pods = await kubectl.RunAsync("get", "pods", "-l", "app=db", "-o", "jsonpath={.items[*].metadata.name}");

        Assert.That(scaled.StdOut, Does.Contain("statefulset.apps/db patched"), scaled.ToString());
        Assert.That(one.ExitCode, Is.Zero, one.ToString());
        Assert.That(pods.StdOut, Is.EqualTo("db-0"));
    }

    [Test]
    public async Task Patch_NewTemplate_PodsReplacedWithUpdateRevision()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(StatefulSet, "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=jsonpath={.status.readyReplicas}=3", "statefulset/db", "--timeout=30s");
        var before = await kubectl.RunAsync("get", "statefulset", "db", "-o", "jsonpath={.status.updateRevision}");

        await kubectl.RunAsync("patch", "statefulset", "db", "--type=merge", "-p", "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"rollout\":\"2\"}}}}}");
        var rolled = await kubectl.RunAsync("wait", "--for=jsonpath={.status.updatedReplicas}=3", "statefulset/db", "--timeout=60s");
        var revisions = await kubectl.RunAsync("get", "pods", "-l", "app=db", "-o", "jsonpath={.items[*].metadata.labels.controller-revision-hash}");
        var after = await kubectl.RunAsync("get", "statefulset", "db", "-o", "jsonpath={.status.updateRevision}");

        Assert.That(rolled.ExitCode, Is.Zero, rolled.ToString());
        Assert.That(after.StdOut, Is.Not.EqualTo(before.StdOut));
        Assert.That(revisions.StdOut.Split(' '), Has.Length.EqualTo(3).And.All.EqualTo(after.StdOut));
    }
}
