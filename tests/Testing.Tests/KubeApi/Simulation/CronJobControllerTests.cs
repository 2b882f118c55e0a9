using Microsoft.Extensions.Time.Testing;
using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi.Simulation;

/// <summary>A triggered CronJob run: the Job as the CronJob controller names and annotates it, and the CronJob's status.</summary>
public sealed class CronJobControllerTests
{
    private const string CronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            metadata: {labels: {app: nightly}}
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers: [{name: report, image: busybox:1.37, resources: {requests: {memory: 16Mi}}}]
        """;

    [Test]
    public async Task TriggerCronJob_ScheduledNow_JobNamedByMinuteAndActive()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 15, 30, TimeSpan.Zero));
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { Time = time });
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var kubectl = new Kubectl(server);
        await kubectl.RunWithInputAsync(CronJob, "create", "-f", "-");

        var name = await server.TriggerCronJobAsync("default", "nightly");
        var job = await kubectl.RunAsync("get", "job", name, "-o",
            "jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.labels.app} {.metadata.annotations.batch\\.kubernetes\\.io/cronjob-scheduled-timestamp}");
        var status = await kubectl.RunAsync("get", "cronjob", "nightly", "-o", "jsonpath={.status.active[0].name} {.status.lastScheduleTime}");
        var pod = await kubectl.RunAsync("wait", "--for=condition=Ready", "pod", "-l", "batch.kubernetes.io/job-name=" + name, "--timeout=30s");

        Assert.That(name, Is.EqualTo("nightly-29013735"), "minutes since the epoch of 2025-03-01T10:15Z");
        Assert.That(job.StdOut, Is.EqualTo("CronJob/nightly nightly 2025-03-01T10:15:00Z"), job.ToString());
        Assert.That(status.StdOut, Is.EqualTo("nightly-29013735 2025-03-01T10:15:00Z"), status.ToString());
        Assert.That(pod.ExitCode, Is.Zero, pod.ToString());
    }
}
