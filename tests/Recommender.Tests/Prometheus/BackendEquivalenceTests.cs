using RightSizer.Recommender.Engine;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Prometheus;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

/// <summary>
/// Prometheus and VictoriaMetrics holding the same data give the same containers, the same OOM kills and requests
/// within <see cref="RequestTolerance"/>. They may differ slightly because MetricsQL aligns range-query steps and
/// evaluates <c>max_over_time</c> windows on its own grid (docs/prometheus.md).
/// </summary>
[NonParallelizable]
public sealed class BackendEquivalenceTests
{
    /// <summary>Relative difference allowed between the two backends' requests.</summary>
    private const double RequestTolerance = 0.01;

    private static readonly TestCaseData[] Namespaces =
    [
        new TestCaseData(ClusterScenario.Shop).SetName("ReadAsync_ShopOnBothBackends_SameContainersKillsAndRequests"),
        new TestCaseData(ClusterScenario.Batch).SetName("ReadAsync_BatchOnBothBackends_SameContainersKillsAndRequests"),
        new TestCaseData(ClusterScenario.Runtimes).SetName("ReadAsync_RuntimesOnBothBackends_SameContainersKillsAndRequests"),
        new TestCaseData(ClusterScenario.Sparse).SetName("ReadAsync_SparseKubeStateMetricsOnBothBackends_SameContainersKillsAndRequests"),
    ];

    [TestCaseSource(nameof(Namespaces))]
    public async Task ReadAsync_SameData_EquivalentRecommendations(string ns)
    {
        var fixture = PrometheusServerFixture.Shared;
        var query = new HistoryQuery(fixture.Scenario.End, ClusterScenario.Window) { Namespaces = [ns] };
        var prometheus = await ReadAsync(fixture.Server, query);
        var victoriaMetrics = await ReadAsync(fixture.VictoriaMetrics!, query);
        var engine = new RecommendationEngine();
        var asOf = fixture.Scenario.End + TimeSpan.FromSeconds(ClusterScenario.StepSeconds);

        Assert.That(victoriaMetrics.Keys, Is.EqualTo(prometheus.Keys), "the same containers");
        Assert.Multiple(() =>
        {
            foreach (var (id, history) in prometheus)
            {
                var other = victoriaMetrics[id];
                Assert.That(other.OomKills, Is.EqualTo(history.OomKills), $"{id}: the same OOM kills");
                var expected = engine.Recommend(history, RecommendationSettings.Default, asOf).Request!.Value.Bytes;
                var actual = (double)engine.Recommend(other, RecommendationSettings.Default, asOf).Request!.Value.Bytes;
                Assert.That(actual, Is.EqualTo((double)expected).Within(RequestTolerance * 100).Percent, $"{id}: request");
            }
        });
    }

    private static async Task<SortedDictionary<string, ContainerHistory>> ReadAsync(IMetricsBackend backend, HistoryQuery query)
    {
        using var http = PrometheusHttpClientFactory.Create(new PrometheusClientOptions { BaseUrl = backend.BaseUrl });
        var histories = new SortedDictionary<string, ContainerHistory>(StringComparer.Ordinal);
        await foreach (var history in new PrometheusHistorySource(http).ReadAsync(query, CancellationToken.None))
        {
            histories.Add(history.Key.Id, history);
        }

        return histories;
    }
}
