using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi.Simulation;

/// <summary>The simulated Job controller: parallelism, completions and the pods' job labels and tracking finalizer.</summary>
public sealed class JobControllerTests
{
    private const string Job = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          completions: 2
          parallelism: 1
          template:
            spec:
              restartPolicy: Never
              containers: [{name: migrate, image: busybox:1.37, resources: {requests: {memory: 16Mi}}}]
        """;

    [Test]
    public async Task Create_TwoCompletionsOneAtATime_CompleteAfterBothSucceed()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);

        var created = await kubectl.RunWithInputAsync(Job, "create", "-f", "-");
        var selector = await kubectl.RunAsync("get", "job", "migrate", "-o", "jsonpath={.metadata.uid} {.spec.selector.matchLabels.batch\\.kubernetes\\.io/controller-uid}");
        var first = await SucceedActivePodAsync(kubectl, 0);
        var second = await SucceedActivePodAsync(kubectl, 1);
        var complete = await kubectl.RunAsync("wait", "--for=condition=complete", "job/migrate", "--timeout=30s");
        var status = await kubectl.RunAsync("get", "job", "migrate", "-o", "jsonpath={.status.succeeded} {.status.conditions[*].type} {.status.conditions[0].reason}");
        var finalizers = await kubectl.RunAsync("get", "pods", "-l", "batch.kubernetes.io/job-name=migrate", "-o", "jsonpath={.items[*].metadata.finalizers}");

        Assert.That(created.StdOut, Does.Contain("job.batch/migrate created"), created.ToString());
        var uids = selector.StdOut.Split(' ');
        Assert.That(uids[1], Is.EqualTo(uids[0]), selector.ToString());
        Assert.That(first, Does.Match(@"^migrate-[a-z0-9]{5} Job/migrate batch.kubernetes.io/job-tracking$"));
        Assert.That(second, Does.Match(@"^migrate-[a-z0-9]{5} Job/migrate batch.kubernetes.io/job-tracking$").And.Not.EqualTo(first));
        Assert.That(complete.StdOut, Does.Contain("job.batch/migrate condition met"), complete.ToString());
        Assert.That(status.StdOut, Is.EqualTo("2 SuccessCriteriaMet Complete CompletionsReached"));
        Assert.That(finalizers.StdOut, Is.Empty, "the controller releases its tracking finalizer once it has counted a pod");
    }

    [Test]
    public async Task Create_ParallelismThree_ThreePodsActive()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);

        await kubectl.RunWithInputAsync(Job.Replace("completions: 2", "completions: 5", StringComparison.Ordinal).Replace("parallelism: 1", "parallelism: 3", StringComparison.Ordinal), "create", "-f", "-");
        var ready = await kubectl.RunAsync("wait", "--for=jsonpath={.status.ready}=3", "job/migrate", "--timeout=30s");
        var active = await kubectl.RunAsync("get", "job", "migrate", "-o", "jsonpath={.status.active}");
        var table = await kubectl.RunAsync("get", "jobs");

        Assert.That(ready.ExitCode, Is.Zero, ready.ToString());
        Assert.That(active.StdOut, Is.EqualTo("3"));
        Assert.That(table.StdOut, Does.Match(@"migrate\s+Running\s+0/5\s+\d+s"));
    }

    /// <summary>
    /// Waits until the Job has counted <paramref name="succeeded"/> pods and its next pod is Ready, then reports that pod
    /// Succeeded as its kubelet would; returns "name owner finalizer" of that pod.
    /// </summary>
    private static async Task<string> SucceedActivePodAsync(Kubectl kubectl, int succeeded)
    {
        if (succeeded > 0)
        {
            var counted = await kubectl.RunAsync("wait", $"--for=jsonpath={{.status.succeeded}}={succeeded}", "job/migrate", "--timeout=30s");
            Assert.That(counted.ExitCode, Is.Zero, counted.ToString());
        }

        var ready = await kubectl.RunAsync("wait", "--for=jsonpath={.status.ready}=1", "job/migrate", "--timeout=30s");
        var running = await kubectl.RunAsync("get", "pods", "-l", "batch.kubernetes.io/job-name=migrate", "-o",
            "jsonpath={range .items[?(@.status.phase==\"Running\")]}{.metadata.name} {.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.finalizers[0]}{end}");
        var name = running.StdOut.Split(' ')[0];
        var patched = await kubectl.RunAsync("patch", "pod", name, "--subresource=status", "--type=merge", "-p", "{\"status\":{\"phase\":\"Succeeded\"}}");
        Assert.That(ready.ExitCode, Is.Zero, ready.ToString());
        Assert.That(patched.ExitCode, Is.Zero, patched.ToString());
        return running.StdOut;
    }
}
