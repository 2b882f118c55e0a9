using System.Collections.Concurrent;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli;

/// <summary>
/// Runs the engine over every container a history source yields: reads them all, calibrates the headroom of each
/// group of containers that share settings (a policy's fleet, <see cref="FleetCalibrator"/>), then recommends on all
/// cores, and returns the recommendations sorted by series id.
/// </summary>
public static class RecommendationRunner
{
    /// <param name="settingsFor">The resolved settings for a container (from a policy, or the defaults).</param>
    /// <param name="progress">Told the number of containers done so far, after each one.</param>
    public static async Task<IReadOnlyList<Recommendation>> RunAsync(
        IHistorySource source,
        HistoryQuery query,
        Func<SeriesKey, RecommendationSettings> settingsFor,
        IRecommendationEngine engine,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settingsFor);
        ArgumentNullException.ThrowIfNull(engine);

        var histories = new List<(ContainerHistory History, RecommendationSettings Settings)>();
        await foreach (var history in source.ReadAsync(query, cancellationToken).ConfigureAwait(false))
        {
            histories.Add((history, settingsFor(history.Key)));
        }

        var calibrated = histories
            .GroupBy(h => h.Settings)
            .ToDictionary(
                g => g.Key,
                g => g.Key with
                {
                    Calibration = FleetCalibrator.Calibrate([.. g.Select(h => h.History)], g.Key, g.Key.QosClass == QosPolicy.Guaranteed, query.AsOf),
                });

        var results = new ConcurrentBag<Recommendation>();
        var done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.ForEach(histories, options, entry =>
        {
            results.Add(engine.Recommend(entry.History, calibrated[entry.Settings], query.AsOf));
            progress?.Report(Interlocked.Increment(ref done));
        });

        return [.. results.OrderBy(r => r.Series.Id, StringComparer.Ordinal)];
    }
}
