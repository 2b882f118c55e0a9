using RightSizer.Api.Units;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Export;

/// <summary>
/// Turns a live run's recommendations into container proposals with their evidence: the peak from the history the
/// engine saw, the percentile from the settings it used. Containers without a recommendation, or whose series names
/// no patchable workload, are listed as skipped.
/// </summary>
public static class RecommendationProposals
{
    public static (IReadOnlyList<ContainerProposal> Proposals, IReadOnlyList<string> Skipped) From(
        IEnumerable<Recommendation> recommendations,
        Func<SeriesKey, RecommendationSettings> settingsFor,
        IReadOnlyDictionary<string, ContainerHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(settingsFor);
        ArgumentNullException.ThrowIfNull(histories);
        var proposals = new List<ContainerProposal>();
        var skipped = new List<string>();
        foreach (var recommendation in recommendations)
        {
            if (recommendation.Request is not { } request)
            {
                skipped.Add($"{recommendation.Series.Id}: not sized ({recommendation.Reasons.FirstOrDefault()?.Text ?? "no recommendation"})");
                continue;
            }

            if (SeriesWorkloads.Resolve(recommendation.Series, out var problem) is not var (workload, container))
            {
                skipped.Add($"{recommendation.Series.Id}: {problem}");
                continue;
            }

            var history = histories.GetValueOrDefault(recommendation.Series.Id);
            proposals.Add(new ContainerProposal(workload, container, request, recommendation.Limit)
            {
                HeapEnv = [.. (recommendation.Heap?.Env ?? new Dictionary<string, string>()).OrderBy(e => e.Key, StringComparer.Ordinal)],
                CurrentRequest = recommendation.Current?.MemoryRequest,
                CurrentLimit = recommendation.Current?.MemoryLimit,
                Evidence = new ContainerEvidence
                {
                    WindowCovered = recommendation.WindowCovered,
                    Samples = recommendation.Samples,
                    RequestPercentile = settingsFor(recommendation.Series).RequestPercentile,
                    Peak = Peak(history),
                    TrendPerDay = recommendation.Trend is { } trend ? Memory.FromBytes(trend.SlopeBytesPerDay) : null,
                    TrendSignificant = recommendation.Trend?.Significant ?? false,
                    Confidence = recommendation.Confidence,
                    OomKills = recommendation.OomKills,
                },
            });
        }

        return (proposals, skipped);
    }

    private static Memory? Peak(ContainerHistory? history)
    {
        if (history is null || history.Usage.IsEmpty)
        {
            return null;
        }

        var peak = 0.0;
        foreach (var sample in history.Usage.Span)
        {
            peak = Math.Max(peak, sample.Value);
        }

        return Memory.FromBytes(peak);
    }
}
