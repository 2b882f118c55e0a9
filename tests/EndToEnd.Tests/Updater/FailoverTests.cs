using System.Diagnostics;
using RightSizer.Api.Units;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing.Prometheus;
using static RightSizer.EndToEnd.Tests.Updater.UpdaterWorkloads;

namespace RightSizer.EndToEnd.Tests.Updater;

/// <summary>
/// Two replicas with --leader-elect: the leader is killed (no shutdown, the Lease not released) after its first
/// eviction; the standby takes over once the Lease expires and finishes the rollout, and the eviction log shows no pod
/// evicted twice.
/// </summary>
public sealed class FailoverTests
{
    /// <summary>
    /// The Lease duration (15 s) plus two retry periods (2 s each): the standby times the Lease from when it saw the
    /// last renewal, which its 2 s polling sees up to one period late, and tries again up to one period after expiry.
    /// </summary>
    private static readonly TimeSpan TakeOver = TimeSpan.FromSeconds(19);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private PrometheusServer _prometheus = null!;

    [OneTimeSetUp]
    public async Task StartPrometheus() =>
        _prometheus = await HistoryPrometheus.StartAsync(h => h.Deployment(Namespace, "web", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes));

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _prometheus.DisposeAsync();

    [Test]
    public async Task KillLeaderMidRollout_StandbyTakesOver_NoPodEvictedTwice()
    {
        await using var cluster = await OperatorCluster.StartAsync("1.33");
        var kubectl = cluster.Kubectl;
        var client = cluster.Api.CreateClient();
        Assert.That((await cluster.InstallAsync()).Select(r => r.ExitCode), Is.All.Zero);
        var first = await cluster.StartOperatorAsync(_prometheus.BaseUrl, leaderElect: true);
        await first.WaitForLogAsync("started leading", Deadline, CancellationToken.None);
        var standby = await cluster.StartOperatorAsync(_prometheus.BaseUrl, leaderElect: true);
        await cluster.CreateNamespacesAsync(Namespace);
        await kubectl.RunWithInputAsync(Deployment("web", 4), "apply", "-f", "-");
        await cluster.WaitUntilAsync(async () => (await PodsAsync(client, "web")).Count(IsReady) == 4, Deadline, "web's pods running");
        var originals = (await PodsAsync(client, "web")).Select(p => p.Metadata.Name).ToList();

        await kubectl.RunWithInputAsync(Policy("web", "Recreate", cooldown: "3s"), "apply", "-f", "-");
        await cluster.WaitUntilAsync(() => Task.FromResult(cluster.Api.Evictions.Any(e => e.Code == 201)), Deadline, "the leader's first eviction");
        await first.KillAsync();
        var killed = Stopwatch.StartNew();
        var evictedByLeader = cluster.Api.Evictions.Count(e => e.Code == 201);
        await standby.WaitForLogAsync("started leading", TakeOver + TimeSpan.FromSeconds(10), CancellationToken.None);
        var tookOver = killed.Elapsed;
        var recommended = await RecommendationAsync(kubectl, "web");
        await cluster.WaitUntilAsync(
            async () => await PodsAsync(client, "web") is { Count: 4 } pods && pods.All(p => IsReady(p) && HasMemory(p, recommended)),
            Deadline,
            "the rollout finished by the new leader");
        var evicted = cluster.Api.Evictions.Where(e => e.Code == 201).Select(e => e.Pod).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(tookOver, Is.LessThan(TakeOver), "the standby leads within the Lease duration and two retry periods of the kill");
            Assert.That(evictedByLeader, Is.LessThan(4), "killed mid-rollout");
            Assert.That(evicted, Is.Unique, "no pod evicted twice, across both leaders");
            Assert.That(evicted, Is.SupersetOf(originals), "every original pod evicted");
            // A replacement created while the killed leader's webhook was gone is admitted unpatched (failurePolicy
            // Ignore); the new leader then evicts it too, once. Only the one created around the kill can be that.
            Assert.That(evicted.Except(originals).Count(), Is.LessThanOrEqualTo(1), string.Join(", ", evicted));
            Assert.That(cluster.Api.Evictions.Where(e => e.Code != 201), Is.Empty, "no eviction of a pod already gone");
        });
    }
}
