using System.Collections.Concurrent;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli;

/// <summary>
/// Runs the engine over every container a history source yields: reads them all, calibrates the headroom of each
/// group of containers that share settings (a policy's fleet, <see cref="FleetCalibrations"/>, the path the operator's
/// reconciler takes too), then recommends on all cores, and returns the recommendations sorted by series id.
/// </summary>
public static class RecommendationRunner
{
    /// <param name="settingsFor">The resolved settings for a container (from a policy, or the defaults).</param>
    /// <param name="progress">Told of each history as the source yields it, and of each recommendation.</param>
    public static async Task<IReadOnlyList<Recommendation>> RunAsync(
        IHistorySource source,
        HistoryQuery query,
        Func<SeriesKey, RecommendationSettings> settingsFor,
        IRecommendationEngine engine,
        IScanProgress? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settingsFor);
        ArgumentNullException.ThrowIfNull(engine);

        var histories = new List<(ContainerHistory History, RecommendationSettings Settings)>();
        await foreach (var history in Counted(source.ReadAsync(query, cancellationToken), progress).ConfigureAwait(false))
        {
            histories.Add((history, settingsFor(history.Key)));
        }

        var calibrated = FleetCalibrations.Calibrate(histories, query.AsOf);
        var results = new ConcurrentBag<Recommendation>();
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.ForEach(histories, options, entry =>
        {
            results.Add(engine.Recommend(entry.History, calibrated[entry.Settings], query.AsOf));
            progress?.Recommended();
        });

        return [.. results.OrderBy(r => r.Series.Id, StringComparer.Ordinal)];
    }

    private static async IAsyncEnumerable<ContainerHistory> Counted(IAsyncEnumerable<ContainerHistory> histories, IScanProgress? progress)
    {
        await foreach (var history in histories.ConfigureAwait(false))
        {
            progress?.HistoryRead();
            yield return history;
        }
    }
}
