using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>Pods on simulated nodes through the real kubectl: scheduled and Running, graceful delete finished, OOM kill reported.</summary>
public sealed class PodFlowTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p1
        spec:
          containers:
          - name: app
            image: nginx:1.27
            resources:
              requests: {memory: 256Mi}
              limits: {memory: 512Mi}
        """;

    [Test]
    public async Task CreateWaitDelete_ScheduledPod_RunningThenDeletedWithWait()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);

        var created = await kubectl.RunWithInputAsync(Pod, "create", "-f", "-");
        var ready = await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/p1", "--timeout=30s");
        var get = await kubectl.RunAsync("get", "pods", "-o", "wide");
        var deleted = await kubectl.RunAsync("delete", "pod", "p1", "--wait=true", "--timeout=30s");

        Assert.That(created.StdOut, Does.Contain("pod/p1 created"), created.ToString());
        Assert.That(ready.StdOut, Does.Contain("pod/p1 condition met"), ready.ToString());
        Assert.That(get.StdOut, Does.Match(@"p1\s+1/1\s+Running\s+0\s+\d+s\s+10\.244\.\d+\.\d+\s+node-1"));
        Assert.That(deleted.StdOut, Does.Contain("pod \"p1\" deleted"), deleted.ToString());
        Assert.That(deleted.ExitCode, Is.Zero);
    }

    [Test]
    public async Task InjectOomKill_RunningPod_LastStateOomKilledAndRestartCounted()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(Pod, "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/p1", "--timeout=30s");

        server.Nodes.InjectOomKill("default", "p1", "app");
        var json = await kubectl.RunAsync("get", "pod", "p1", "-o", "json");

        var status = JsonNode.Parse(json.StdOut)!["status"]!["containerStatuses"]![0]!;
        Assert.That(status["lastState"]!["terminated"]!["reason"]!.GetValue<string>(), Is.EqualTo("OOMKilled"));
        Assert.That(status["restartCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(status["resources"]!["limits"]!["memory"]!.GetValue<string>(), Is.EqualTo("512Mi"));
    }

    [Test]
    public async Task Create_NoNodeWithRoom_StaysPending()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("small", "128Mi", "1");
        var kubectl = new Kubectl(server);

        await kubectl.RunWithInputAsync(Pod, "create", "-f", "-");
        var get = await kubectl.RunAsync("get", "pod", "p1", "-o", "jsonpath={.status.phase} {.spec.nodeName} {.status.qosClass}");

        Assert.That(get.StdOut, Is.EqualTo("Pending  Burstable"));
    }
}
