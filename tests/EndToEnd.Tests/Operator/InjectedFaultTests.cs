using RightSizer.Api.Units;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing.Prometheus;

namespace RightSizer.EndToEnd.Tests.Operator;

/// <summary>
/// The API server misbehaves (watches dropped, the next watch 410 Gone, re-watches and a status write failing with 500,
/// a status write conflicting): a policy created meanwhile converges to the same status as an identical one did before.
/// </summary>
public sealed class InjectedFaultTests
{
    /// <summary>
    /// Under the 1m interval less its 10% jitter: the new policy's workload must get its own scan rather than wait for
    /// the next scheduled one (it waited a whole interval once, an hour by default).
    /// </summary>
    private static readonly TimeSpan BeforeTheNextScheduledScan = TimeSpan.FromSeconds(45);
    private PrometheusServer _prometheus = null!;

    [OneTimeSetUp]
    public async Task StartPrometheus() =>
        _prometheus = await HistoryPrometheus.StartAsync(h => h
            .Deployment("shop", "web", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes)
            .Deployment("shop", "api", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes));

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _prometheus.DisposeAsync();

    [Test]
    public async Task Reconcile_WatchesDroppedExpiredAndWritesFailing_SameStatusAsWithoutFaults()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var kubectl = cluster.Kubectl;
        var install = await cluster.InstallAsync();
        Assert.That(install.Select(r => r.ExitCode), Is.All.Zero, string.Join('\n', install));
        await cluster.StartOperatorAsync(_prometheus.BaseUrl);
        await cluster.CreateNamespacesAsync("shop");
        await kubectl.RunWithInputAsync(Workloads.Deployment("shop", "web") + "---\n" + Workloads.Policy("shop", "web", "Off"), "apply", "-f", "-");
        var webReady = await kubectl.RunAsync("wait", "--for=condition=Ready", "memorypolicy/web", "-n", "shop", "--timeout=90s");
        Assert.That(webReady.ExitCode, Is.Zero, webReady + cluster.LogTail(40));
        var withoutFaults = await StatusAsync(cluster, "web");
        var watchesBefore = cluster.OperatorRequests.Count(r => r is { Verb: "watch", Resource: "memorypolicies" });

        var faults = cluster.Api.Faults;
        // The dropped watches come back through two failed attempts each.
        faults.FailNext("watch", "memorypolicies", 500, count: 2);
        faults.FailNext("watch", "pods", 500, count: 2);
        faults.FailNext("update", "memorypolicies", 500, count: 1);
        faults.ConflictOnNextWrite("memorypolicies");
        faults.ExpireNextWatch();
        faults.DropWatches();
        var applied = await kubectl.RunWithInputAsync(Workloads.Deployment("shop", "api") + "---\n" + Workloads.Policy("shop", "api", "Off"), "apply", "-f", "-");
        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());

        var withFaults = "";
        await cluster.WaitUntilAsync(
            async () => (withFaults = await StatusAsync(cluster, "api")) == withoutFaults,
            BeforeTheNextScheduledScan,
            $"the api policy's status equal to web's before the faults ({withoutFaults})");

        Assert.Multiple(() =>
        {
            Assert.That(withFaults, Is.EqualTo(withoutFaults));
            Assert.That(withFaults, Does.Contain("Ready=True/RecommendationsComputed"));
            Assert.That(cluster.OperatorRequests.Count(r => r is { Verb: "watch", Resource: "memorypolicies" }), Is.GreaterThanOrEqualTo(watchesBefore + 3),
                "the dropped MemoryPolicy watch came back, through its two failed attempts");
        });
    }

    /// <summary>What must not depend on faults: generation observed, the recommendation, each condition's status and reason.</summary>
    private static async Task<string> StatusAsync(OperatorCluster cluster, string name) =>
        (await cluster.Kubectl.RunAsync("get", "memorypolicy", name, "-n", "shop", "-o",
            "jsonpath={.status.observedGeneration} {.status.recommendations[0].containerName} {.status.recommendations[0].request} {.status.recommendations[0].limit} {.status.recommendations[0].qosClass}{range .status.conditions[*]} {.type}={.status}/{.reason}{end}")).StdOut;
}
