using System.Collections.Concurrent;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli;

/// <summary>
/// Runs the engine over every container a history source yields, on all cores while the source is still reading,
/// and returns the recommendations sorted by series id.
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

        var results = new ConcurrentBag<Recommendation>();
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Counted(source.ReadAsync(query, cancellationToken), progress), options, (history, _) =>
        {
            results.Add(engine.Recommend(history, settingsFor(history.Key), query.AsOf));
            progress?.Recommended();
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

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
