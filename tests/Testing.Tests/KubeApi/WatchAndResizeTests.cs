using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>kubectl get -w sees a pod's life as table rows; kubectl patch --subresource=resize follows the resize rules.</summary>
public sealed class WatchAndResizeTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p1}
        spec:
          containers:
          - name: app
            image: nginx:1.27
            resources: {requests: {memory: 256Mi, cpu: 100m}, limits: {memory: 512Mi}}
        """;

    [Test]
    public async Task GetWatch_PodCreatedRunDeleted_RowForEachEvent()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);
        using var watch = kubectl.Start(["get", "pods", "-w", "--output-watch-events"]);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var lines = new List<string>();
        var reading = Task.Run(async () =>
        {
            while (!lines.Any(l => l.StartsWith("DELETED", StringComparison.Ordinal)) && await watch.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                lines.Add(line);
            }
        });
        // kubectl lists before it watches, from the list's resourceVersion: once its watch request has arrived, the
        // pod created next reaches it as ADDED in the state it was created in. (The simulators' in-process watches
        // make a count of open watches no signal.)
        while (!server.Requests.Any(r => r is { Verb: "watch", Resource: "pods" }))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }

        await kubectl.RunWithInputAsync(Pod, "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/p1", "--timeout=30s");
        await kubectl.RunAsync("delete", "pod", "p1", "--wait=false");
        await reading;

        watch.Kill(entireProcessTree: true);
        await watch.WaitForExitAsync(CancellationToken.None);
        Assert.That(lines[0], Does.Match(@"EVENT\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE"));
        Assert.That(lines, Has.Some.Match(@"^ADDED\s+p1\s+0/1\s+Pending"));
        Assert.That(lines, Has.Some.Match(@"^MODIFIED\s+p1\s+1/1\s+Running"));
        Assert.That(lines, Has.Some.Match(@"^DELETED\s+p1"));
    }

    [Test]
    public async Task PatchResize_MemoryRequest_AppliedAndQosChangeRefused()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(Pod, "create", "-f", "-");

        var resized = await kubectl.RunAsync("patch", "pod", "p1", "--subresource=resize", "-p",
            "{\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"memory\":\"300Mi\"}}}]}}");
        var qosChange = await kubectl.RunAsync("patch", "pod", "p1", "--subresource=resize", "-p",
            "{\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"memory\":\"512Mi\",\"cpu\":\"100m\"},\"limits\":{\"memory\":\"512Mi\",\"cpu\":\"100m\"}}}]}}");
        var memory = await kubectl.RunAsync("get", "pod", "p1", "-o", "jsonpath={.spec.containers[0].resources.requests.memory}");

        Assert.That(resized.StdOut, Does.Contain("pod/p1 patched"), resized.ToString());
        Assert.That(qosChange.ExitCode, Is.EqualTo(1));
        Assert.That(qosChange.StdErr, Does.Contain("Pod QOS Class may not change as a result of resizing"));
        Assert.That(memory.StdOut, Is.EqualTo("300Mi"));
    }
}
