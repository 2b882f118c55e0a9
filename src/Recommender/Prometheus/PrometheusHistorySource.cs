using System.Runtime.CompilerServices;
using Refit;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Reads container memory history from a Prometheus-compatible API. One scan costs a fixed handful of instant queries
/// (series per namespace, owners, requests, limits, images, pod labels) plus one range query for OOM kills and two
/// range queries (usage, managed heap) per batch of namespaces holding up to
/// <see cref="PrometheusSourceSettings.SeriesPerRequest"/> containers, so the
/// request count grows with containers, not namespaces. Pods are mapped to workloads here, not in PromQL, so the
/// queries stay simple enough for Thanos, Mimir and VictoriaMetrics alike. This class only decides which queries to
/// send: <see cref="PrometheusQueryClient"/> sends them, <see cref="ContainerHistoryAssembler"/> builds the histories.
/// </summary>
public sealed class PrometheusHistorySource : IHistorySource
{
    private readonly PrometheusQueryClient _client;
    private readonly PrometheusSourceSettings _settings;
    private readonly Action<string> _warn;

    /// <param name="httpClient">A client from <see cref="PrometheusHttpClientFactory.Create"/> (its base address is the API root).</param>
    /// <param name="warn">Told what the scan skipped and what Prometheus warned of; one sentence each.</param>
    public PrometheusHistorySource(HttpClient httpClient, PrometheusSourceSettings? settings = null, Action<string>? warn = null)
        : this(RestService.For<IPrometheusApi>(httpClient), settings, warn)
    {
    }

    public PrometheusHistorySource(IPrometheusApi api, PrometheusSourceSettings? settings = null, Action<string>? warn = null)
    {
        _settings = settings ?? new PrometheusSourceSettings();
        ArgumentOutOfRangeException.ThrowIfLessThan(_settings.SeriesPerRequest, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_settings.Step, TimeSpan.FromSeconds(1));
        _warn = warn ?? (_ => { });
        _client = new PrometheusQueryClient(api, _settings, _warn);
    }

    public async IAsyncEnumerable<ContainerHistory> ReadAsync(
        HistoryQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var window = query.Window;
        var clusterScope = query.Cluster is { } cluster ? PromQl.Equal(cluster.Key, cluster.Value) : string.Empty;
        var namespaceScope = Join(clusterScope, query.Namespaces.Count == 0 ? string.Empty : PromQl.OneOf("namespace", query.Namespaces));

        IReadOnlyDictionary<string, HashSet<string>>? labelledPods = null;
        if (query.PodLabels.Count > 0)
        {
            var pods = await _client.InstantAsync(PrometheusQueries.PodsWithLabels(query.PodLabels, namespaceScope, window), query.AsOf, cancellationToken);
            labelledPods = pods
                .GroupBy(series => series.Label("namespace"), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Select(series => series.Label("pod")).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            if (labelledPods.Count == 0)
            {
                yield break;
            }
        }

        var countScope = labelledPods is null ? namespaceScope : Join(clusterScope, Scope(labelledPods.Keys.ToList(), labelledPods));
        var counts = await _client.InstantAsync(PrometheusQueries.SeriesPerNamespace(query.Signal, countScope, window), query.AsOf, cancellationToken);
        var seriesByNamespace = counts
            .GroupBy(series => series.Label("namespace"), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (int)Math.Clamp(group.Sum(series => series.Value?.Value ?? 0), 0, int.MaxValue), StringComparer.Ordinal);
        if (seriesByNamespace.Count == 0)
        {
            yield break;
        }

        var metadata = await ReadMetadataAsync(query, namespaceScope, cancellationToken);
        foreach (var batch in NamespaceBatcher.Batch(seriesByNamespace, _settings.SeriesPerRequest))
        {
            var scope = Join(clusterScope, Scope(batch, labelledPods));
            var usage = await _client.RangeAsync(PrometheusQueries.UsagePeaks(query.Signal, scope, _settings.Step), query.Start, query.AsOf, cancellationToken);
            var heap = await _client.RangeAsync(PrometheusQueries.HeapPeaks(scope, _settings.Step), query.Start, query.AsOf, cancellationToken);
            foreach (var history in ContainerHistoryAssembler.Assemble(usage, heap, metadata, labelledPods, _warn))
            {
                yield return history;
            }
        }
    }

    private async Task<ScanMetadata> ReadMetadataAsync(HistoryQuery query, string scope, CancellationToken cancellationToken)
    {
        var window = query.Window;
        Task<IReadOnlyList<PrometheusSeries>> Instant(string text) => _client.InstantAsync(text, query.AsOf, cancellationToken);
        var podOwners = await Instant(PrometheusQueries.PodOwners(scope, window));
        var replicaSetOwners = await Instant(PrometheusQueries.ReplicaSetOwners(scope, window));
        var jobOwners = await Instant(PrometheusQueries.JobOwners(scope, window));
        var requests = await Instant(PrometheusQueries.Requests(scope, window));
        var limits = await Instant(PrometheusQueries.Limits(scope, window));
        var oomKills = await _client.RangeAsync(PrometheusQueries.OomKills(scope, _settings.Step, _settings.KubeStateMetricsLookback), query.Start, query.AsOf, cancellationToken);
        var images = await Instant(PrometheusQueries.ContainerImages(scope, window));
        return ScanMetadata.From(podOwners, replicaSetOwners, jobOwners, requests, limits, oomKills, images);
    }

    private static string Scope(IReadOnlyCollection<string> namespaces, IReadOnlyDictionary<string, HashSet<string>>? labelledPods)
    {
        var namespaceMatcher = PromQl.OneOf("namespace", namespaces);
        if (labelledPods is null)
        {
            return namespaceMatcher;
        }

        // Pod names are unique per namespace only; the assembler drops same-named pods of other namespaces in the batch.
        var pods = namespaces.SelectMany(name => labelledPods.GetValueOrDefault(name) ?? []).ToHashSet(StringComparer.Ordinal);
        return $"{namespaceMatcher},{PromQl.OneOf("pod", pods)}";
    }

    private static string Join(string first, string second) =>
        first.Length == 0 ? second : second.Length == 0 ? first : $"{first},{second}";
}
