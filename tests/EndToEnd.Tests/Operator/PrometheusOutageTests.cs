using RightSizer.Api.Units;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing.Prometheus;

namespace RightSizer.EndToEnd.Tests.Operator;

/// <summary>
/// Prometheus goes away and comes back: the policy says so in its HistoryAvailable condition (reason
/// PrometheusUnavailable) and keeps its last recommendation meanwhile, so it stays Ready, then recovers on the next scan without anyone touching it.
/// </summary>
public sealed class PrometheusOutageTests
{
    /// <summary>The next scan comes within the 1m interval plus its 10% jitter; the first retry 15 s after a failure.</summary>
    private static readonly TimeSpan ScanDeadline = TimeSpan.FromSeconds(100);
    private PrometheusServer _prometheus = null!;

    [OneTimeSetUp]
    public async Task StartPrometheus() =>
        _prometheus = await HistoryPrometheus.StartAsync(h => h.Deployment("shop", "web", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes));

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _prometheus.DisposeAsync();

    [Test]
    public async Task Scan_PrometheusStoppedThenStarted_UnavailableWithLastRecommendationThenRecovered()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var kubectl = cluster.Kubectl;
        var install = await cluster.InstallAsync();
        Assert.That(install.Select(r => r.ExitCode), Is.All.Zero, string.Join('\n', install));
        await cluster.StartOperatorAsync(_prometheus.BaseUrl);
        await cluster.CreateNamespacesAsync("shop");
        await kubectl.RunWithInputAsync(Workloads.Deployment("shop", "web"), "apply", "-f", "-");
        await kubectl.RunWithInputAsync(Workloads.Policy("shop", "web", "Off"), "apply", "-f", "-");
        var ready = await kubectl.RunAsync("wait", "--for=condition=Ready", "memorypolicy/web", "-n", "shop", "--timeout=90s");
        Assert.That(ready.ExitCode, Is.Zero, ready + cluster.LogTail(40));
        var before = await RecommendationAsync(cluster);

        await _prometheus.StopAsync();
        var history = "";
        await cluster.WaitUntilAsync(
            async () => (history = await HistoryConditionAsync(cluster)).StartsWith("False/PrometheusUnavailable", StringComparison.Ordinal),
            ScanDeadline,
            "HistoryAvailable False with reason PrometheusUnavailable after Prometheus stopped");
        var during = await RecommendationAsync(cluster);
        var readyDuring = await kubectl.RunAsync("get", "memorypolicy", "web", "-n", "shop", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}/{.status.conditions[?(@.type==\"Ready\")].reason}");

        await _prometheus.StartAgainAsync();
        var recovered = "";
        await cluster.WaitUntilAsync(
            async () => (recovered = await HistoryConditionAsync(cluster)).StartsWith("True/HistoryFound", StringComparison.Ordinal),
            ScanDeadline,
            "HistoryAvailable True again after Prometheus came back");

        Assert.Multiple(() =>
        {
            Assert.That(history, Does.Contain("keeping the recommendations of"), "the message says the last recommendation is kept");
            Assert.That(during, Is.EqualTo(before), "the last recommendation stays while Prometheus is away");
            Assert.That(readyDuring.StdOut, Is.EqualTo("True/RecommendationsComputed"), "the kept recommendation still serves: the policy stays Ready");
            Assert.That(recovered, Does.StartWith("True/HistoryFound"));
        });
    }

    private static async Task<string> HistoryConditionAsync(OperatorCluster cluster) =>
        (await cluster.Kubectl.RunAsync("get", "memorypolicy", "web", "-n", "shop", "-o",
            "jsonpath={range .status.conditions[?(@.type==\"HistoryAvailable\")]}{.status}/{.reason}: {.message}{end}")).StdOut;

    private static async Task<string> RecommendationAsync(OperatorCluster cluster) =>
        (await cluster.Kubectl.RunAsync("get", "memorypolicy", "web", "-n", "shop", "-o",
            "jsonpath={.status.recommendations[0].request} {.status.recommendations[0].limit}")).StdOut;
}
