using System.Runtime.CompilerServices;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.History;

/// <summary>
/// History from a CSV file (<c>series,timestamp,working_set_bytes</c>, <c>.csv</c> or <c>.csv.gz</c>): what the CLI
/// reads without a cluster, and what the benchmarks replay. A series id <c>namespace/kind/name/container</c> is
/// understood as such. The file is read once, on first use.
/// </summary>
public sealed class HistoryFileSource : IHistorySource
{
    private readonly Lazy<Dictionary<string, Sample[]>> _series;

    public HistoryFileSource(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _series = new Lazy<Dictionary<string, Sample[]>>(() => HistoryCsvReader.Read(path));
    }

    public string Path { get; }

    /// <summary>Just after the newest sample in the file: the natural decision time for replaying it.</summary>
    public DateTimeOffset? End =>
        _series.Value.Count == 0
            ? null
            : DateTimeOffset.FromUnixTimeSeconds(_series.Value.Values.Max(s => s[^1].Timestamp) + 1);

    public async IAsyncEnumerable<ContainerHistory> ReadAsync(
        HistoryQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PodLabels.Count > 0)
        {
            throw new HistorySourceException($"{Path}: a history file has no pod labels to select by; use --prometheus-url for --selector");
        }

        if (query.Cluster is not null)
        {
            throw new HistorySourceException($"{Path}: a history file holds one cluster; --cluster needs --prometheus-url");
        }

        if (query.Signal != Api.V1alpha1.MemorySignal.WorkingSet)
        {
            throw new HistorySourceException($"{Path}: a history file holds the working set only; signal {query.Signal} needs Prometheus");
        }

        var series = await Task.Run(() => _series.Value, cancellationToken).ConfigureAwait(false);
        var to = query.AsOf.ToUnixTimeSeconds();
        var from = query.Start.ToUnixTimeSeconds();
        foreach (var (id, samples) in series.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = SeriesKey.FromId(id);
            if (query.Namespaces.Count > 0 && !query.Namespaces.Contains(key.Namespace ?? string.Empty, StringComparer.Ordinal))
            {
                continue;
            }

            var window = Estimation.SampleWindow.Slice(samples, from, to);
            yield return new ContainerHistory(key, window.ToArray());
        }
    }
}
