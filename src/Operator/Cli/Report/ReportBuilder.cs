using RightSizer.Api.Units;
using RightSizer.Operator.Cli.Inputs;
using RightSizer.Operator.Export;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli.Report;

/// <summary>
/// Builds the report's entries from a live run: today's values from the source (kube-state-metrics) or, when given,
/// from the workloads' manifests; each history downsampled to <see cref="ChartBuckets"/> points.
/// </summary>
public static class ReportBuilder
{
    /// <summary>Pixel columns of a chart: its width in the page divided by about 4 pixels.</summary>
    public const int ChartBuckets = 160;

    public static IReadOnlyList<ReportEntry> From(RecommendationRun run, IReadOnlyList<WorkloadManifest>? manifests)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entries = new List<ReportEntry>();
        foreach (var recommendation in run.Recommendations)
        {
            var key = recommendation.Series;
            var resolved = SeriesWorkloads.Resolve(key, out _);
            var history = run.Histories.GetValueOrDefault(key.Id);
            var to = run.AsOf.ToUnixTimeSeconds();
            var from = to - (long)run.SettingsFor(key).HistoryWindow.TotalSeconds;
            var declared = resolved is var (workload, container)
                ? manifests?.FirstOrDefault(m => m.Declares(workload))?.Containers.FirstOrDefault(c => c.Name == container)
                : null;
            entries.Add(new ReportEntry
            {
                Namespace = resolved?.Workload.Namespace ?? key.Namespace ?? "-",
                Workload = resolved is var (w, _) ? $"{w.Kind}/{w.Name}" : key.Id,
                Container = resolved?.Container ?? key.Container ?? key.Id,
                CurrentRequest = declared is not null ? declared.Request : recommendation.Current?.MemoryRequest,
                CurrentLimit = declared is not null ? declared.Limit : recommendation.Current?.MemoryLimit,
                Request = recommendation.Request,
                Limit = recommendation.Limit,
                QosBefore = recommendation.Current?.QosClass,
                QosAfter = recommendation.QosClass,
                Confidence = recommendation.Confidence,
                OomKills = recommendation.OomKills,
                Trend = recommendation.Trend,
                Heap = recommendation.Heap,
                Reasons = [.. recommendation.Reasons.Select(r => r.Text)],
                From = from,
                To = to,
                Usage = history is null ? [] : ChartDownsampler.Downsample(history.Usage.Span, from, to, ChartBuckets),
                OomKillTimes = history is null ? [] : [.. history.OomKills.Select(k => k.Timestamp)],
                Peak = history is null || history.Usage.IsEmpty ? null : Memory.FromBytes(Max(history.Usage.Span)),
            });
        }

        return [.. entries
            .OrderBy(e => e.Namespace, StringComparer.Ordinal)
            .ThenBy(e => e.Workload, StringComparer.Ordinal)
            .ThenBy(e => e.Container, StringComparer.Ordinal)];
    }

    private static double Max(ReadOnlySpan<Sample> samples)
    {
        var max = 0.0;
        foreach (var sample in samples)
        {
            max = Math.Max(max, sample.Value);
        }

        return max;
    }
}
