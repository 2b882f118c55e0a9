using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Polly.Timeout;
using Refit;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Prometheus;

/// <summary>
/// Reads container memory history from a Prometheus-compatible API. One scan costs a fixed handful of instant queries
/// (series per namespace, owners, requests, limits, images, pod labels) plus one range query for OOM kills and two
/// range queries (usage, managed heap) per batch of namespaces holding up to
/// <see cref="PrometheusSourceSettings.SeriesPerRequest"/> containers, so the
/// request count grows with containers, not namespaces. Pods are mapped to workloads here, not in PromQL, so the
/// queries stay simple enough for Thanos, Mimir and VictoriaMetrics alike.
/// </summary>
public sealed class PrometheusHistorySource : IHistorySource
{
    /// <summary>How much of a query an error message quotes.</summary>
    private const int QueryTextInErrors = 240;

    private readonly IPrometheusApi _api;
    private readonly PrometheusSourceSettings _settings;

    /// <param name="httpClient">A client from <see cref="PrometheusHttpClientFactory.Create"/> (its base address is the API root).</param>
    public PrometheusHistorySource(HttpClient httpClient, PrometheusSourceSettings? settings = null)
        : this(RestService.For<IPrometheusApi>(httpClient), settings)
    {
    }

    public PrometheusHistorySource(IPrometheusApi api, PrometheusSourceSettings? settings = null)
    {
        _api = api;
        _settings = settings ?? new PrometheusSourceSettings();
        ArgumentOutOfRangeException.ThrowIfLessThan(_settings.SeriesPerRequest, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_settings.Step, TimeSpan.FromSeconds(1));
    }

    public async IAsyncEnumerable<ContainerHistory> ReadAsync(
        HistoryQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = query.Window;
        var namespaceScope = query.Namespace is null ? string.Empty : PromQl.Equal("namespace", query.Namespace);

        IReadOnlyDictionary<string, HashSet<string>>? labelledPods = null;
        if (query.PodLabels.Count > 0)
        {
            var pods = await InstantAsync(PrometheusQueries.PodsWithLabels(query.PodLabels, namespaceScope, window), query.AsOf, cancellationToken);
            labelledPods = pods
                .GroupBy(series => series.Label("namespace"), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Select(series => series.Label("pod")).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            if (labelledPods.Count == 0)
            {
                yield break;
            }
        }

        var countScope = labelledPods is null ? namespaceScope : Scope(labelledPods.Keys.ToList(), labelledPods);
        var counts = await InstantAsync(PrometheusQueries.SeriesPerNamespace(query.Signal, countScope, window), query.AsOf, cancellationToken);
        var seriesByNamespace = counts.ToDictionary(
            series => series.Label("namespace"),
            series => (int)(series.Value?.Value ?? 0),
            StringComparer.Ordinal);
        if (seriesByNamespace.Count == 0)
        {
            yield break;
        }

        var metadata = await ReadMetadataAsync(query, namespaceScope, cancellationToken);
        foreach (var batch in NamespaceBatcher.Batch(seriesByNamespace, _settings.SeriesPerRequest))
        {
            var scope = Scope(batch, labelledPods);
            var usage = await ReadUsageAsync(query, scope, cancellationToken);
            var heap = await RangeAsync(PrometheusQueries.HeapPeaks(scope, _settings.Step), query.Start, query.AsOf, cancellationToken);
            foreach (var history in Assemble(usage, HeapByContainer(heap, usage), metadata, labelledPods))
            {
                yield return history;
            }
        }
    }

    private async Task<ScanMetadata> ReadMetadataAsync(HistoryQuery query, string scope, CancellationToken cancellationToken)
    {
        var window = query.Window;
        var owners = new WorkloadOwners();
        foreach (var series in await InstantAsync(PrometheusQueries.PodOwners(scope, window), query.AsOf, cancellationToken))
        {
            owners.AddPodOwner(series.Label("namespace"), series.Label("pod"), series.Label("owner_kind"), series.Label("owner_name"));
        }

        foreach (var series in await InstantAsync(PrometheusQueries.ReplicaSetOwners(scope, window), query.AsOf, cancellationToken))
        {
            owners.AddReplicaSetOwner(series.Label("namespace"), series.Label("replicaset"), series.Label("owner_kind"), series.Label("owner_name"));
        }

        foreach (var series in await InstantAsync(PrometheusQueries.JobOwners(scope, window), query.AsOf, cancellationToken))
        {
            owners.AddJobOwner(series.Label("namespace"), series.Label("job_name"), series.Label("owner_kind"), series.Label("owner_name"));
        }

        var requests = await InstantAsync(PrometheusQueries.Requests(scope, window), query.AsOf, cancellationToken);
        var limits = await InstantAsync(PrometheusQueries.Limits(scope, window), query.AsOf, cancellationToken);
        var resources = new PodResources();
        foreach (var series in requests)
        {
            resources.Add(PodOf(series), series.Label("container"), series.Label("resource"), isLimit: false, series.Value?.Value ?? 0);
        }

        foreach (var series in limits)
        {
            resources.Add(PodOf(series), series.Label("container"), series.Label("resource"), isLimit: true, series.Value?.Value ?? 0);
        }

        var oomKills = new Dictionary<(string Namespace, string Pod, string Container), List<OomKill>>();
        var oomQuery = PrometheusQueries.OomKills(scope, _settings.Step);
        foreach (var series in await RangeAsync(oomQuery, query.Start, query.AsOf, cancellationToken))
        {
            var kills = oomKills.GetValueOrDefault((series.Label("namespace"), series.Label("pod"), series.Label("container"))) ?? [];
            kills.AddRange(series.Values.Select(point => new OomKill(
                (long)point.Timestamp,
                point.Value > 0 && double.IsFinite(point.Value) ? Memory.FromBytes(point.Value) : null)));
            oomKills[(series.Label("namespace"), series.Label("pod"), series.Label("container"))] = kills;
        }

        var images = new Dictionary<(string Namespace, string Pod, string Container), string>();
        foreach (var series in await InstantAsync(PrometheusQueries.ContainerImages(scope, window), query.AsOf, cancellationToken))
        {
            images[(series.Label("namespace"), series.Label("pod"), series.Label("container"))] = series.Label("image");
        }

        return new ScanMetadata(owners, resources, oomKills, images);
    }

    private async Task<List<PrometheusSeries>> ReadUsageAsync(HistoryQuery query, string scope, CancellationToken cancellationToken)
    {
        var text = PrometheusQueries.UsagePeaks(query.Signal, scope, _settings.Step);
        return await RangeAsync(text, query.Start, query.AsOf, cancellationToken);
    }

    /// <summary>
    /// Heap series by container. Applications scraped without a <c>container</c> label report per pod; such a series
    /// belongs to the pod's container when the pod has only one.
    /// </summary>
    private static Dictionary<(string Namespace, string Pod, string Container), IReadOnlyList<PrometheusPoint>> HeapByContainer(
        List<PrometheusSeries> heap,
        List<PrometheusSeries> usage)
    {
        var containersOfPod = usage
            .GroupBy(PodOf)
            .ToDictionary(group => group.Key, group => group.Select(series => series.Label("container")).Distinct(StringComparer.Ordinal).ToList());
        var result = new Dictionary<(string Namespace, string Pod, string Container), IReadOnlyList<PrometheusPoint>>();
        foreach (var series in heap)
        {
            var pod = PodOf(series);
            var container = series.Label("container");
            if (container.Length == 0 && containersOfPod.TryGetValue(pod, out var containers) && containers.Count == 1)
            {
                container = containers[0];
            }

            if (container.Length > 0)
            {
                result[(pod.Namespace, pod.Name, container)] = series.Values;
            }
        }

        return result;
    }

    private static IEnumerable<ContainerHistory> Assemble(
        List<PrometheusSeries> usage,
        Dictionary<(string Namespace, string Pod, string Container), IReadOnlyList<PrometheusPoint>> heap,
        ScanMetadata metadata,
        IReadOnlyDictionary<string, HashSet<string>>? labelledPods)
    {
        var byWorkload = new SortedDictionary<string, List<(PodKey Pod, PrometheusSeries Series)>>(StringComparer.Ordinal);
        foreach (var series in usage)
        {
            var pod = PodOf(series);
            if (labelledPods is not null && !(labelledPods.TryGetValue(pod.Namespace, out var pods) && pods.Contains(pod.Name)))
            {
                continue;
            }

            var (kind, name) = metadata.Owners.Resolve(pod.Namespace, pod.Name);
            var id = SeriesKey.ForContainer(pod.Namespace, kind, name, series.Label("container")).Id;
            if (!byWorkload.TryGetValue(id, out var members))
            {
                byWorkload[id] = members = [];
            }

            members.Add((pod, series));
        }

        foreach (var (id, members) in byWorkload)
        {
            yield return Build(SeriesKey.FromId(id), members, heap, metadata);
        }
    }

    private static ContainerHistory Build(
        SeriesKey key,
        List<(PodKey Pod, PrometheusSeries Series)> members,
        Dictionary<(string Namespace, string Pod, string Container), IReadOnlyList<PrometheusPoint>> heap,
        ScanMetadata metadata)
    {
        var container = key.Container!;
        var samples = members
            .SelectMany(member => member.Series.Values)
            .Where(point => double.IsFinite(point.Value))
            .Select(point => new Sample((long)point.Timestamp, point.Value))
            .OrderBy(sample => sample.Timestamp)
            .ToArray();
        var kills = members
            .SelectMany(member => metadata.OomKills.GetValueOrDefault((member.Pod.Namespace, member.Pod.Name, container)) ?? [])
            .OrderBy(kill => kill.Timestamp)
            .ToArray();

        // Today's resources are those of the pod seen last: older pods may predate the current template.
        var newest = members.MaxBy(member => member.Series.Values.Count > 0 ? member.Series.Values[^1].Timestamp : double.MinValue).Pod;
        var heapSamples = members
            .SelectMany(member => heap.GetValueOrDefault((member.Pod.Namespace, member.Pod.Name, container)) ?? [])
            .Where(point => double.IsFinite(point.Value))
            .Select(point => new Sample((long)point.Timestamp, point.Value))
            .OrderBy(sample => sample.Timestamp)
            .ToArray();
        var image = metadata.Images.GetValueOrDefault((newest.Namespace, newest.Name, container));
        return new ContainerHistory(key, samples)
        {
            OomKills = kills,
            Current = metadata.Resources.Current(newest, container),
            HeapUsage = heapSamples,
            Runtime = image is null ? null : ContainerRuntimeHints.Empty with { Image = image },
        };
    }

    private static PodKey PodOf(PrometheusSeries series) => new(series.Label("namespace"), series.Label("pod"));

    private static string Scope(IReadOnlyCollection<string> namespaces, IReadOnlyDictionary<string, HashSet<string>>? labelledPods)
    {
        var namespaceMatcher = PromQl.OneOf("namespace", namespaces);
        if (labelledPods is null)
        {
            return namespaceMatcher;
        }

        // Pod names are unique per namespace only; Assemble drops same-named pods of other namespaces in the batch.
        var pods = namespaces.SelectMany(name => labelledPods.GetValueOrDefault(name) ?? []).ToHashSet(StringComparer.Ordinal);
        return $"{namespaceMatcher},{PromQl.OneOf("pod", pods)}";
    }

    private async Task<IReadOnlyList<PrometheusSeries>> InstantAsync(string text, DateTimeOffset time, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["query"] = text,
            ["time"] = UnixSeconds(time.ToUnixTimeSeconds()),
        };
        var data = await SendAsync(text, () => _api.QueryAsync(form, cancellationToken), cancellationToken);
        return data.Result;
    }

    /// <summary>A range query, split so no part exceeds the points-per-series limit, with each series' parts joined.</summary>
    private async Task<List<PrometheusSeries>> RangeAsync(string text, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var step = (long)_settings.Step.TotalSeconds;
        var merged = new Dictionary<string, (PrometheusSeries Series, List<PrometheusPoint> Points)>(StringComparer.Ordinal);
        foreach (var (chunkStart, chunkEnd) in RangeChunker.Split(start.ToUnixTimeSeconds(), end.ToUnixTimeSeconds(), step, _settings.MaxPointsPerSeries))
        {
            var form = new Dictionary<string, string>
            {
                ["query"] = text,
                ["start"] = UnixSeconds(chunkStart),
                ["end"] = UnixSeconds(chunkEnd),
                ["step"] = UnixSeconds(step),
            };
            var data = await SendAsync(text, () => _api.QueryRangeAsync(form, cancellationToken), cancellationToken);
            foreach (var series in data.Result)
            {
                var labels = string.Join('\u0000', series.Metric.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
                if (!merged.TryGetValue(labels, out var entry))
                {
                    merged[labels] = entry = (series, []);
                }

                entry.Points.AddRange(series.Values);
            }
        }

        return [.. merged.Values.Select(entry => entry.Series with { Values = entry.Points })];
    }

    private static async Task<PrometheusData> SendAsync(
        string text,
        Func<Task<IApiResponse<PrometheusResponse>>> call,
        CancellationToken cancellationToken)
    {
        IApiResponse<PrometheusResponse> response;
        try
        {
            response = await call();
        }
        catch (Exception e) when (IsTransport(e, cancellationToken))
        {
            throw Unreachable(text, e);
        }

        if (response.HasRequestError(out var requestError))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            throw Unreachable(text, requestError);
        }

        response.HasResponseError(out var responseError);
        var body = response.IsSuccessStatusCode ? response.Content : ParseError(responseError?.Content);
        if (response.IsSuccessStatusCode && body is { Status: "success", Data: not null })
        {
            return body.Data;
        }

        var status = (int)(response.StatusCode ?? 0);
        var reason = body?.Error is { Length: > 0 } error
            ? $"{body.ErrorType}: {error}"
            : $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        var keptFailing = response.StatusCode is HttpStatusCode.TooManyRequests || status >= 500;
        throw new HistorySourceException(
            $"Prometheus query failed (HTTP {status}{(keptFailing ? ", after retries" : string.Empty)}): {reason}; query: {Truncate(text)}",
            unreachable: keptFailing && body?.ErrorType is not ("bad_data" or "execution"),
            responseError);
    }

    private static PrometheusResponse? ParseError(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PrometheusResponse>(content);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsTransport(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is ApiRequestException or HttpRequestException or TimeoutRejectedException or TaskCanceledException;

    private static HistorySourceException Unreachable(string text, Exception e)
    {
        var cause = Root(e);
        var what = cause is TimeoutRejectedException or TaskCanceledException or TimeoutException
            ? "timed out"
            : $"could not be reached ({cause.Message})";
        return new HistorySourceException($"Prometheus {what}; query: {Truncate(text)}", unreachable: true, e);
    }

    /// <summary>The innermost exception that says what went wrong, below Refit's and HttpClient's wrappers.</summary>
    private static Exception Root(Exception e)
    {
        while (e is ApiRequestException { InnerException: not null } or HttpRequestException { InnerException: TimeoutRejectedException })
        {
            e = e.InnerException!;
        }

        return e;
    }

    private static string Truncate(string text) =>
        text.Length <= QueryTextInErrors ? text : string.Concat(text.AsSpan(0, QueryTextInErrors), "…");

    private static string UnixSeconds(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>A pod, by namespace and name.</summary>
    internal readonly record struct PodKey(string Namespace, string Name);

    /// <summary>What one scan learns once and applies to every batch.</summary>
    private sealed record ScanMetadata(
        WorkloadOwners Owners,
        PodResources Resources,
        Dictionary<(string Namespace, string Pod, string Container), List<OomKill>> OomKills,
        Dictionary<(string Namespace, string Pod, string Container), string> Images);
}
