using RightSizer.Api.Units;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing;
using RightSizer.Testing.Prometheus;

namespace RightSizer.EndToEnd.Tests.Operator;

/// <summary>
/// config/default installed with kubectl, the operator running beside it, a Deployment and config/samples applied:
/// what an administrator sees with kubectl (status, conditions, printer columns, events, wait), and new pods of the
/// Deployment sized by the webhook.
/// </summary>
public sealed class InstallAndReportTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private PrometheusServer _prometheus = null!;

    [OneTimeSetUp]
    public async Task StartPrometheus() =>
        _prometheus = await HistoryPrometheus.StartAsync(h => h.Deployment("shop", "web", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes));

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _prometheus.DisposeAsync();

    [Test]
    public async Task ApplyConfigDefaultAndSamples_OperatorRunning_StatusEventsAndSizedPods()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var kubectl = cluster.Kubectl;
        var install = await cluster.InstallAsync();
        Assert.That(install.Select(r => r.ExitCode), Is.All.Zero, string.Join('\n', install));
        await cluster.StartOperatorAsync(_prometheus.BaseUrl);

        var namespaces = await cluster.CreateNamespacesAsync("shop", "analytics", "streaming");
        var deployment = await kubectl.RunWithInputAsync(WebDeployment, "apply", "-f", "-");
        var samples = await kubectl.RunAsync("apply", "-k", RepositoryRoot.File("config", "samples"));
        Assert.That((namespaces.ExitCode, deployment.ExitCode, samples.ExitCode), Is.EqualTo((0, 0, 0)), $"{namespaces}\n{deployment}\n{samples}");

        var wait = await kubectl.RunAsync("wait", "--for=condition=Ready", "memorypolicy/web", "-n", "shop", "--timeout=90s");
        var get = await kubectl.RunAsync("get", "memorypolicy", "-A");
        var wide = await kubectl.RunAsync("get", "memorypolicy", "web", "-n", "shop", "-o", "wide");
        var conditions = await kubectl.RunAsync("get", "memorypolicy", "web", "-n", "shop", "-o",
            "jsonpath={range .status.conditions[*]}{.type}={.status}/{.reason}{\"\\n\"}{end}");
        var recommended = await kubectl.RunAsync("get", "memorypolicy", "web", "-n", "shop", "-o",
            "jsonpath={.status.recommendations[0].containerName} {.status.recommendations[0].request} {.status.recommendations[0].limit}");
        var describe = await kubectl.RunAsync("describe", "memorypolicy", "web", "-n", "shop");

        Assert.Multiple(() =>
        {
            Assert.That(wait.ExitCode, Is.Zero, wait + cluster.LogTail(80));
            Assert.That(wait.StdOut, Does.Contain("memorypolicy.rightsizer.io/web condition met"));
            Assert.That(get.StdOut, Does.Contain("NAMESPACE").And.Contain("TARGET").And.Contain("MODE").And.Contain("REQUEST").And.Contain("LIMIT"), get.ToString());
            Assert.That(wide.StdOut, Does.Contain("KIND").And.Contain("CONTAINER").And.Contain("PODS").And.Contain("READY"), wide.ToString());
            Assert.That(conditions.StdOut, Does.Contain("Ready=True/RecommendationsComputed").And.Contain("TargetFound=True/TargetResolved").And.Contain("HistoryAvailable=True/HistoryFound"), conditions.ToString());
            Assert.That(recommended.StdOut, Does.Match(@"^app \d+(\.\d+)?[MG]i \d+(\.\d+)?[MG]i$"), recommended.ToString());
            Assert.That(describe.StdOut, Does.Contain("Events:").And.Contain("Recommendation"), describe.ToString());
        });

        var initial = await kubectl.RunAsync("patch", "memorypolicy", "web", "-n", "shop", "--type=merge", "-p", """{"spec":{"mode":"Initial"}}""");
        var observed = await kubectl.RunAsync("wait", "--for=jsonpath={.status.observedGeneration}=2", "memorypolicy/web", "-n", "shop", "--timeout=60s");
        var restart = await kubectl.RunAsync("rollout", "restart", "deployment/web", "-n", "shop");
        Assert.That((initial.ExitCode, observed.ExitCode, restart.ExitCode), Is.EqualTo((0, 0, 0)), $"{initial}\n{observed}\n{restart}\n{cluster.LogTail(40)}");
        var parts = recommended.StdOut.Split(' ');
        var expected = $"{parts[1]} {parts[2]} web@2";
        var sized = new List<string>();
        await cluster.WaitUntilAsync(
            async () =>
            {
                var pods = await kubectl.RunAsync("get", "pods", "-n", "shop", "-l", "app=web", "-o",
                    """jsonpath={range .items[*]}{.spec.containers[0].resources.requests.memory} {.spec.containers[0].resources.limits.memory} {.metadata.annotations.rightsizer\.io/applied}{"\n"}{end}""");
                sized = [.. pods.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.EndsWith("web@2", StringComparison.Ordinal))];
                return sized.Count == 2;
            },
            Deadline,
            $"both new pods of the restarted Deployment sized by the webhook ({expected})");
        var all = await kubectl.RunAsync("get", "memorypolicy", "-A", "-o", "wide");

        Assert.Multiple(() =>
        {
            Assert.That(sized, Is.All.EqualTo(expected), "memory from the policy's status, the annotation naming policy and generation");
            Assert.That(all.StdOut, Does.Match(@"analytics\s+batch-workers\s+.*Initial"), all.ToString());
            Assert.That(all.StdOut, Does.Match(@"streaming\s+kafka\s+kafka\s+StatefulSet\s+Recreate"), all.ToString());
        });
    }

    private const string WebDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: app
                  image: registry.example/app:1
                  resources:
                    requests: {cpu: 100m, memory: 512Mi}
                    limits: {memory: 1Gi}
        """;
}
