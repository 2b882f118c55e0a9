using RightSizer.Api.Units;
using RightSizer.EndToEnd.Tests.Support;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.Prometheus;
using static RightSizer.EndToEnd.Tests.Updater.UpdaterWorkloads;

namespace RightSizer.EndToEnd.Tests.Updater;

/// <summary>
/// InPlace mode: on 1.35 running pods are resized through pods/resize and keep running (no eviction), and a resize
/// the node finds infeasible falls back to an eviction whose replacement carries the new values; on 1.32, which serves
/// no pods/resize, pods are evicted and replaced instead, and the operator never asks for a resize.
/// </summary>
public sealed class InPlaceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private PrometheusServer _prometheus = null!;

    [OneTimeSetUp]
    public async Task StartPrometheus() =>
        _prometheus = await HistoryPrometheus.StartAsync(h => h
            .Deployment(Namespace, "web", "app", k => Memory.FromMiB(150 + (k % 40)).Bytes)
            .Deployment(Namespace, "big", "app", k => Memory.FromGiB(20 + (k % 4 * 0.25)).Bytes));

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _prometheus.DisposeAsync();

    [Test]
    public async Task InPlaceOn135_FitsAndInfeasible_ResizedInPlaceOrEvictedInstead()
    {
        await using var cluster = await StartAsync("1.35", "web", "big");
        var kubectl = cluster.Kubectl;
        var client = cluster.Api.CreateClient();
        var webPods = (await PodsAsync(client, "web")).Select(p => p.Metadata.Name).ToList();
        var bigPods = (await PodsAsync(client, "big")).Select(p => p.Metadata.Name).ToList();

        await kubectl.RunWithInputAsync(Policy("web", "InPlace") + "\n---\n" + Policy("big", "InPlace"), "apply", "-f", "-");
        await WaitForRecommendationsAsync(cluster, "web", "big");
        var web = await RecommendationAsync(kubectl, "web");
        var big = await RecommendationAsync(kubectl, "big");
        await cluster.WaitUntilAsync(
            async () => await PodsAsync(client, "web") is { Count: 2 } pods && pods.All(p => HasMemory(p, web)),
            Deadline,
            "web's pods resized in place");
        await cluster.WaitUntilAsync(
            async () => (await PodsAsync(client, "big")).Any(p => !bigPods.Contains(p.Metadata.Name) && HasMemory(p, big)),
            Deadline,
            "big's infeasible resize replaced by an eviction");
        var webAfter = await PodsAsync(client, "web");
        var bigEvents = await PolicyEventsAsync(client, "big");
        var webEvents = await PolicyEventsAsync(client, "web");
        var resizes = cluster.OperatorRequests.Count(r => r is { Verb: "patch", Resource: "pods", Subresource: "resize" });

        Assert.Multiple(() =>
        {
            Assert.That(Memory.FromGiB(16), Is.LessThan(big.Request), "big's recommendation exceeds node-1's allocatable, so its resize is infeasible");
            Assert.That(webAfter.Select(p => p.Metadata.Name), Is.EquivalentTo(webPods), "the same pods, resized, not replaced");
            Assert.That(cluster.Api.Evictions.Where(e => e.Code == 201).Select(e => e.Pod), Has.None.AnyOf([.. webPods]));
            Assert.That(cluster.Api.Evictions.Where(e => e.Code == 201).Select(e => e.Pod).Distinct().Count(), Is.EqualTo(cluster.Api.Evictions.Count(e => e.Code == 201)), "no pod evicted twice");
            Assert.That(webEvents.Count(e => e == "Resized"), Is.EqualTo(2), string.Join(", ", webEvents));
            Assert.That(bigEvents, Does.Contain("ResizeInfeasible").And.Contain("Evicted"), string.Join(", ", bigEvents));
            Assert.That(resizes, Is.GreaterThanOrEqualTo(3), "two resizes for web, at least one tried for big");
        });
    }

    [Test]
    public async Task InPlaceOn132_NoResizeSubresource_EvictedAndReplacedInstead()
    {
        await using var cluster = await StartAsync("1.32", "web");
        var kubectl = cluster.Kubectl;
        var client = cluster.Api.CreateClient();
        var originals = (await PodsAsync(client, "web")).Select(p => p.Metadata.Name).ToList();

        await kubectl.RunWithInputAsync(Policy("web", "InPlace"), "apply", "-f", "-");
        await WaitForRecommendationsAsync(cluster, "web");
        var web = await RecommendationAsync(kubectl, "web");
        await cluster.WaitUntilAsync(
            async () => await PodsAsync(client, "web") is { Count: 2 } pods && pods.All(p => IsReady(p) && HasMemory(p, web) && !originals.Contains(p.Metadata.Name)),
            Deadline,
            "web's pods replaced with the recommendation");
        var events = await PolicyEventsAsync(client, "web");

        Assert.Multiple(() =>
        {
            Assert.That(cluster.Api.Evictions.Where(e => e.Code == 201).Select(e => e.Pod), Is.EquivalentTo(originals), "each evicted once");
            Assert.That(cluster.OperatorRequests, Has.None.Matches<ApiRequestRecord>(r => r.Subresource == "resize"), "no resize asked of a server without pods/resize");
            Assert.That(events.Count(e => e == "Evicted"), Is.EqualTo(2), string.Join(", ", events));
        });
    }

    /// <summary>A cluster of this version with the operator installed and running, and these Deployments (2 pods each) at 512Mi.</summary>
    private async Task<OperatorCluster> StartAsync(string version, params string[] deployments)
    {
        var cluster = await OperatorCluster.StartAsync(version);
        try
        {
            await PrepareAsync(cluster, deployments);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task PrepareAsync(OperatorCluster cluster, string[] deployments)
    {
        Assert.That((await cluster.InstallAsync()).Select(r => r.ExitCode), Is.All.Zero);
        await cluster.StartOperatorAsync(_prometheus.BaseUrl);
        await cluster.CreateNamespacesAsync(Namespace);
        await cluster.Kubectl.RunWithInputAsync(string.Join("\n---\n", deployments.Select(d => Deployment(d, 2))), "apply", "-f", "-");
        var client = cluster.Api.CreateClient();
        foreach (var deployment in deployments)
        {
            await cluster.WaitUntilAsync(async () => (await PodsAsync(client, deployment)).Count(IsReady) == 2, Deadline, $"{deployment}'s pods running");
        }
    }

    private static async Task WaitForRecommendationsAsync(OperatorCluster cluster, params string[] policies)
    {
        foreach (var policy in policies)
        {
            var ready = await cluster.Kubectl.RunAsync("wait", "--for=condition=Ready", $"memorypolicy/{policy}", "-n", Namespace, "--timeout=60s");
            Assert.That(ready.ExitCode, Is.Zero, ready + cluster.LogTail(60));
        }
    }
}
