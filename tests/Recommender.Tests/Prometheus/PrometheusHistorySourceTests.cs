using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Prometheus;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

/// <summary>The history source against a real Prometheus holding <see cref="ClusterScenario"/>.</summary>
[NonParallelizable]
public sealed class PrometheusHistorySourceTests
{
    private PrometheusServerFixture _fixture = null!;
    private HttpClient _http = null!;
    private PrometheusTransferStats _stats = null!;

    private ClusterScenario Scenario => _fixture.Scenario;

    private static string WebId => SeriesKey.ForContainer(ClusterScenario.Shop, "Deployment", "web", "app").Id;

    [OneTimeSetUp]
    public async Task StartPrometheus()
    {
        _fixture = await PrometheusServerFixture.StartAsync();
        _stats = new PrometheusTransferStats();
        _http = PrometheusHttpClientFactory.Create(new PrometheusClientOptions { BaseUrl = _fixture.Server.BaseUrl }, _stats);
    }

    [OneTimeTearDown]
    public async Task StopPrometheus()
    {
        _http.Dispose();
        await _fixture.DisposeAsync();
    }

    [Test]
    public async Task ReadAsync_ReplicaSetPods_OneDeploymentHistoryWithBothPodsSortedByTime()
    {
        var web = (await ReadAsync(Query()))[WebId];

        var expected = Enumerable.Range(0, ClusterScenario.UsageSamples).Select(k => ClusterScenario.WebWorkingSet(k));
        Assert.That(web.Key, Is.EqualTo(new SeriesKey(WebId, ClusterScenario.Shop, "Deployment", "web", "app")));
        Assert.That(web.Usage.ToArray().Select(s => s.Value), Is.EqualTo(expected), "kubelet's values, one per step, pod A then pod B");
        Assert.That(web.Usage.ToArray().Select(s => s.Timestamp), Is.Ordered.Ascending);
    }

    [Test]
    public async Task ReadAsync_PodAggregateAndSandboxSeries_Excluded()
    {
        var histories = await ReadAsync(Query());

        Assert.That(histories.Keys.Select(id => SeriesKey.FromId(id).Container), Has.None.EqualTo(string.Empty).And.None.EqualTo("POD"));
        Assert.That(histories.Values.SelectMany(h => h.Usage.ToArray()).Max(s => s.Value), Is.LessThan(ClusterScenario.PodAggregateValue));
    }

    [Test]
    public async Task ReadAsync_SameContainerFromTwoJobs_OneSamplePerStepAtTheMaximum()
    {
        var usage = (await ReadAsync(Query()))[WebId].Usage.ToArray();

        Assert.That(usage.Select(s => s.Timestamp), Is.Unique);
        Assert.That(usage, Has.Length.EqualTo(ClusterScenario.UsageSamples));
    }

    [Test]
    public async Task ReadAsync_RssSignal_ReadsRss()
    {
        var web = (await ReadAsync(Query() with { Signal = MemorySignal.RSS }))[WebId];

        var expected = Enumerable.Range(0, ClusterScenario.UsageSamples).Select(k => ClusterScenario.Rss(ClusterScenario.WebWorkingSet(k)));
        Assert.That(web.Usage.ToArray().Select(s => s.Value), Is.EqualTo(expected));
    }

    [Test]
    public async Task ReadAsync_OomKilledContainer_KillAtItsStepWithTheLimit()
    {
        var histories = await ReadAsync(Query());

        Assert.That(histories[WebId].OomKills, Is.EqualTo(new[] { new OomKill(Scenario.ExpectedOomStep, ClusterScenario.WebMemoryLimit) }));
        Assert.That(histories.Values.Where(h => h.Key.Id != WebId).SelectMany(h => h.OomKills), Is.Empty);
    }

    [Test]
    public async Task ReadAsync_KubeStateMetricsResources_RequestsLimitsAndQosAttached()
    {
        var histories = await ReadAsync(Query());

        Assert.That(histories[WebId].Current, Is.EqualTo(new CurrentResources(ClusterScenario.WebMemoryRequest, ClusterScenario.WebMemoryLimit, 250, 500, QosClass.Burstable, false)));
        var nightly = histories[SeriesKey.ForContainer(ClusterScenario.Batch, "CronJob", "nightly", "worker").Id];
        Assert.That(nightly.Current, Is.EqualTo(new CurrentResources(ClusterScenario.NightlyMemory, ClusterScenario.NightlyMemory, 1000, 1000, QosClass.Guaranteed, true)));
        var victim = histories[SeriesKey.ForContainer(ClusterScenario.Hostile, "Pod", ClusterScenario.VictimPod, "c").Id];
        Assert.That(victim.Current, Is.Null, "kube-state-metrics reported no resources for this pod");
    }

    [Test]
    public async Task ReadAsync_JobPod_MappedToCronJob()
    {
        var histories = await ReadAsync(Query() with { Namespaces = [ClusterScenario.Batch] });

        Assert.That(histories.Keys, Is.EqualTo(new[] { SeriesKey.ForContainer(ClusterScenario.Batch, "CronJob", "nightly", "worker").Id }));
        Assert.That(histories.Values.Single().Usage.ToArray().Select(s => s.Value), Is.EqualTo(Enumerable.Range(0, ClusterScenario.UsageSamples).Select(ClusterScenario.NightlyWorkingSet)));
    }

    [Test]
    public async Task ReadAsync_LabelSelector_OnlyMatchingPods()
    {
        var histories = await ReadAsync(Query() with { PodLabels = [new LabelRequirement("app", "web"), new LabelRequirement("tier", "frontend")] });

        Assert.That(histories.Keys, Is.EqualTo(new[] { WebId }));
    }

    [Test]
    public async Task ReadAsync_HostilePodNameInSelector_MatchesOnlyItself()
    {
        var histories = await ReadAsync(Query() with { PodLabels = [new LabelRequirement("app", "evil")] });

        var id = SeriesKey.ForContainer(ClusterScenario.Hostile, "Pod", ClusterScenario.HostilePod, "c").Id;
        Assert.That(histories.Keys, Is.EqualTo(new[] { id }));
        Assert.That(histories[id].Usage.ToArray().Select(s => s.Value), Is.EqualTo(Enumerable.Range(0, ClusterScenario.UsageSamples).Select(ClusterScenario.HostileWorkingSet)));
    }

    [TestCase("shop\"} or vector(1) #")]
    [TestCase("x\"} or up{job=~\".+")]
    [TestCase("shop\\")]
    [TestCase("shop\n")]
    public async Task ReadAsync_HostileNamespace_MatchesNothing(string ns)
    {
        var histories = await ReadAsync(Query() with { Namespaces = [ns] });

        Assert.That(histories, Is.Empty);
    }

    [Test]
    public async Task ReadAsync_InvalidRange_BadDataErrorNamingTheQuery()
    {
        var error = Assert.ThrowsAsync<HistorySourceException>(() => ReadAsync(Query() with { Window = TimeSpan.Zero }));

        Assert.That(error!.Message, Does.Contain("bad_data").And.Contain("query: count by (namespace)"));
        Assert.That(error.Unreachable, Is.False);
    }

    [Test]
    public async Task ReadAsync_WholeScan_FixedHandfulOfRequests()
    {
        var before = _stats.Requests;

        await ReadAsync(Query());

        // Series counts, three owner queries, requests, limits, OOM kills, images, one batch of usage and heap.
        Assert.That(_stats.Requests - before, Is.EqualTo(10));
        Assert.That(_stats.ResponseBytes, Is.GreaterThan(0));
    }

    [Test]
    public async Task ReadAsync_JvmPodWithPodLevelHeapMetrics_HeapIsSumOfHeapPoolsAndImageKnown()
    {
        var api = (await ReadAsync(Query()))[SeriesKey.ForContainer(ClusterScenario.Runtimes, "StatefulSet", "api", "api").Id];

        var expected = Enumerable.Range(0, ClusterScenario.UsageSamples).Select(k => ClusterScenario.EdenUsed(k) + ClusterScenario.OldGenUsed(k));
        Assert.Multiple(() =>
        {
            Assert.That(api.HeapUsage.ToArray().Select(s => s.Value), Is.EqualTo(expected), "heap pools summed, Metaspace left out");
            Assert.That(api.Runtime?.Image, Is.EqualTo(ClusterScenario.JvmImage));
        });
    }

    [Test]
    public async Task ReadAsync_DotNetGcHeapPerGeneration_Summed()
    {
        var orders = (await ReadAsync(Query()))[SeriesKey.ForContainer(ClusterScenario.Runtimes, "StatefulSet", "orders", "orders").Id];

        var expected = Enumerable.Range(0, ClusterScenario.UsageSamples).Select(k => ClusterScenario.Gen0Size(k) + ClusterScenario.Gen2Size(k));
        Assert.That(orders.HeapUsage.ToArray().Select(s => s.Value), Is.EqualTo(expected));
    }

    [Test]
    public async Task ReadAsync_ContainerWithoutHeapMetrics_NoHeapUsage() =>
        Assert.That((await ReadAsync(Query()))[WebId].HeapUsage.Length, Is.Zero);

    private HistoryQuery Query() => new(Scenario.End, ClusterScenario.Window);

    private async Task<Dictionary<string, ContainerHistory>> ReadAsync(HistoryQuery query)
    {
        var source = new PrometheusHistorySource(_http);
        var histories = new Dictionary<string, ContainerHistory>(StringComparer.Ordinal);
        await foreach (var history in source.ReadAsync(query, CancellationToken.None))
        {
            histories.Add(history.Key.Id, history);
        }

        return histories;
    }
}
