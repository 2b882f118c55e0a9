using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli.Inputs;

/// <summary>
/// What a live recommendation run produced: the decision time, one recommendation per container (by series id), the
/// settings each was computed with and, when asked for, the history each was computed from.
/// </summary>
public sealed record RecommendationRun(
    DateTimeOffset AsOf,
    IReadOnlyList<Recommendation> Recommendations,
    Func<SeriesKey, RecommendationSettings> SettingsFor,
    IReadOnlyDictionary<string, ContainerHistory> Histories);
