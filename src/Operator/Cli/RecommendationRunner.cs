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

        var results = new ConcurrentBag<Recommendation>();
        var done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(source.ReadAsync(query, cancellationToken), options, (history, _) =>
        {
            results.Add(engine.Recommend(history, settingsFor(history.Key), query.AsOf));
            progress?.Report(Interlocked.Increment(ref done));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        return [.. results.OrderBy(r => r.Series.Id, StringComparer.Ordinal)];
    }
}
