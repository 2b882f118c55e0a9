using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>
/// In-place resizes on simulated nodes through the real kubectl and KubernetesClient: actuated through
/// PodResizeInProgress when the node has room, Deferred until it has, Infeasible beyond its allocatable, and absent
/// on 1.32, where InPlacePodVerticalScaling is off by default.
/// </summary>
public sealed class ResizeFlowTests
{
    private static string Pod(string name, string request, string limit) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
        spec:
          containers:
          - name: app
            image: nginx:1.27
            resources:
              requests:
                memory: {request}
              limits:
                memory: {limit}
        """;

    private static string Memory(string request, string limit) =>
        "{\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"memory\":\"" + request + "\"},\"limits\":{\"memory\":\"" + limit + "\"}}}]}}";

    private const string Resources =
        "jsonpath={.spec.containers[0].resources.requests.memory} {.status.containerStatuses[0].allocatedResources.memory} {.status.containerStatuses[0].resources.requests.memory}";

    private const string Conditions = "jsonpath={range .status.conditions[?(@.type==\"PodResizePending\")]}{.reason}: {.message}{end}";

    [TestCase("1.33")]
    [TestCase("1.35")]
    public async Task PatchResize_FitsNode_InProgressThenActuated(string version)
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { Version = version });
        server.Nodes.AddNode("node-1", "1Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(Pod("p1", "256Mi", "512Mi"), "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/p1", "--timeout=30s");
        server.Nodes.HoldResizes();

        var patched = await kubectl.RunAsync("patch", "pod", "p1", "--subresource=resize", "-p", Memory("300Mi", "600Mi"));
        var inProgress = await kubectl.RunAsync("wait", "--for=condition=PodResizeInProgress", "pod/p1", "--timeout=30s");
        var allocated = await kubectl.RunAsync("get", "pod", "p1", "-o", Resources);
        server.Nodes.ReleaseResizes();
        var actuated = await kubectl.RunAsync("wait", "--for=jsonpath={.status.containerStatuses[0].resources.limits.memory}=600Mi", "pod/p1", "--timeout=30s");
        var after = await kubectl.RunAsync("get", "pod", "p1", "-o", Resources + " {.status.conditions[*].type}");

        Assert.That(patched.StdOut, Does.Contain("pod/p1 patched"), patched.ToString());
        Assert.That(inProgress.StdOut, Does.Contain("pod/p1 condition met"), inProgress.ToString());
        Assert.That(allocated.StdOut, Is.EqualTo("300Mi 300Mi 256Mi"), "allocated, not yet actuated");
        Assert.That(actuated.ExitCode, Is.Zero, actuated.ToString());
        Assert.That(after.StdOut, Is.EqualTo("300Mi 300Mi 300Mi PodReadyToStartContainers Initialized Ready ContainersReady PodScheduled"));
    }

    [Test]
    public async Task PatchResize_ExceedsFreeMemory_DeferredUntilAnotherPodGoes()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "1Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(Pod("big", "512Mi", "512Mi"), "create", "-f", "-");
        await kubectl.RunWithInputAsync(Pod("p1", "256Mi", "512Mi"), "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/big", "pod/p1", "--timeout=30s");

        await kubectl.RunAsync("patch", "pod", "p1", "--subresource=resize", "-p", Memory("600Mi", "600Mi"));
        var deferred = await kubectl.RunAsync("wait", "--for=condition=PodResizePending", "pod/p1", "--timeout=30s");
        var reason = await kubectl.RunAsync("get", "pod", "p1", "-o", Conditions);
        var waiting = await kubectl.RunAsync("get", "pod", "p1", "-o", Resources);
        await kubectl.RunAsync("delete", "pod", "big", "--wait=true", "--timeout=30s");
        var actuated = await kubectl.RunAsync("wait", "--for=jsonpath={.status.containerStatuses[0].resources.requests.memory}=600Mi", "pod/p1", "--timeout=30s");
        var after = await kubectl.RunAsync("get", "pod", "p1", "-o", Conditions);

        Assert.That(deferred.StdOut, Does.Contain("pod/p1 condition met"), deferred.ToString());
        Assert.That(reason.StdOut, Is.EqualTo("Deferred: Node didn't have enough resource: memory, requested: 629145600, used: 536870912, capacity: 1073741824"));
        Assert.That(waiting.StdOut, Is.EqualTo("600Mi 256Mi 256Mi"), "desired, still allocated and running with the old request");
        Assert.That(actuated.ExitCode, Is.Zero, actuated.ToString());
        Assert.That(after.StdOut, Is.Empty, "the pending condition is removed once the resize is allocated");
    }

    [Test]
    public async Task PatchResize_BeyondNodeAllocatable_InfeasibleAndUnchanged()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "1Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(Pod("p1", "256Mi", "512Mi"), "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/p1", "--timeout=30s");

        await kubectl.RunAsync("patch", "pod", "p1", "--subresource=resize", "-p", Memory("2Gi", "2Gi"));
        await kubectl.RunAsync("wait", "--for=condition=PodResizePending", "pod/p1", "--timeout=30s");
        var reason = await kubectl.RunAsync("get", "pod", "p1", "-o", Conditions);
        var resources = await kubectl.RunAsync("get", "pod", "p1", "-o", Resources);

        Assert.That(reason.StdOut, Is.EqualTo("Infeasible: Node didn't have enough capacity: memory, requested: 2147483648, capacity: 1073741824"));
        Assert.That(resources.StdOut, Is.EqualTo("2Gi 256Mi 256Mi"));
    }

    [Test]
    public async Task PatchResize_LimitDecreaseOn135_ActuatedAndReadThroughClient()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { Version = "1.35" });
        server.Nodes.AddNode("node-1", "1Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(Pod("p1", "256Mi", "512Mi"), "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/p1", "--timeout=30s");
        var client = server.CreateClient();

        await client.CoreV1.PatchNamespacedPodResizeAsync(new V1Patch(Memory("200Mi", "300Mi"), V1Patch.PatchType.StrategicMergePatch), "p1", "default");
        var actuated = await kubectl.RunAsync("wait", "--for=jsonpath={.status.containerStatuses[0].resources.limits.memory}=300Mi", "pod/p1", "--timeout=30s");
        var pod = await client.CoreV1.ReadNamespacedPodAsync("p1", "default");

        var status = pod.Status.ContainerStatuses[0];
        Assert.That(actuated.ExitCode, Is.Zero, actuated.ToString());
        Assert.That(status.AllocatedResources["memory"].ToString(), Is.EqualTo("200Mi"));
        Assert.That(status.Resources.Limits["memory"].ToString(), Is.EqualTo("300Mi"));
        Assert.That(pod.Status.Conditions.Select(c => c.Type), Has.None.StartsWith("PodResize"));
    }

    [Test]
    public async Task PatchResize_Server132_NotServedAndNoResourcesInStatus()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { Version = "1.32" });
        server.Nodes.AddNode("node-1", "1Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(Pod("p1", "256Mi", "512Mi"), "create", "-f", "-");
        await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/p1", "--timeout=30s");
        var client = server.CreateClient();

        var patched = await kubectl.RunAsync("patch", "pod", "p1", "--subresource=resize", "-p", Memory("300Mi", "512Mi"));
        var refused = Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.PatchNamespacedPodResizeAsync(new V1Patch(Memory("300Mi", "512Mi"), V1Patch.PatchType.StrategicMergePatch), "p1", "default"));
        var status = await kubectl.RunAsync("get", "pod", "p1", "-o", "jsonpath={.status.containerStatuses[0].resources}{.status.containerStatuses[0].allocatedResources}|{.spec.containers[0].resources.requests.memory}");
        var resources = await kubectl.RunAsync("api-resources", "--api-group=", "-o", "name");

        Assert.That(patched.ExitCode, Is.EqualTo(1));
        Assert.That(patched.StdErr, Does.Contain("the server could not find the requested resource"), patched.ToString());
        Assert.That(refused!.Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(status.StdOut, Is.EqualTo("|256Mi"));
        Assert.That(resources.StdOut, Does.Contain("pods"));
    }
}
