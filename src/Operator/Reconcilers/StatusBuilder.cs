using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using static System.FormattableString;

namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// Computes a policy's status from the reconciler's findings. Pure: the same input gives the same status, so an
/// unchanged world writes nothing. Conditions keep their lastTransitionTime while their status stays the same; a
/// missing target or a failed scan keeps the last recommendations, never blanks them.
/// </summary>
public static class StatusBuilder
{
    public static V1alpha1MemoryPolicyStatus Build(StatusInput input, V1alpha1MemoryPolicyStatus? previous)
    {
        ArgumentNullException.ThrowIfNull(input);
        var recommendations = input.TargetFound && input.Recommendations is { } fresh
            ? fresh.Select(ToStatus).OrderBy(r => r.ContainerName, StringComparer.Ordinal).ToList()
            : previous?.Recommendations?.ToList();
        var lastTime = input.TargetFound && input.Recommendations is not null && input.RecommendedAt is { } at
            ? at.UtcDateTime
            : previous?.LastRecommendationTime;

        var target = input.TargetFound
            ? Condition(ConditionTypes.TargetFound, ConditionStatus.True, ConditionReasons.TargetResolved, input.TargetMessage)
            : Condition(ConditionTypes.TargetFound, ConditionStatus.False, input.TargetReason, input.TargetMessage);
        var history = HistoryCondition(input);
        var recommendation = RecommendationCondition(input, history);
        var ready = ReadyCondition(input, target, recommendation);

        var conditions = new[] { ready, target, history, recommendation }
            .Select(c => Stamp(c, input, previous))
            .ToList();
        return new V1alpha1MemoryPolicyStatus
        {
            ObservedGeneration = input.Generation,
            Conditions = conditions,
            LastRecommendationTime = lastTime,
            TargetPods = input.TargetPods,
            Recommendations = recommendations,
        };
    }

    public static V1alpha1ContainerRecommendation ToStatus(Recommendation r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new V1alpha1ContainerRecommendation
        {
            ContainerName = r.Series.Container ?? r.Series.Id,
            Request = r.Request?.ToQuantity(),
            Limit = r.Limit?.ToQuantity(),
            QosClass = r.QosClass,
            Heap = r.Heap is { } heap
                ? new V1alpha1HeapSettings
                {
                    Runtime = heap.Runtime.ToString(),
                    MaxHeap = heap.MaxHeap.ToQuantity(),
                    Env = heap.Env.ToDictionary(StringComparer.Ordinal),
                    Notes = heap.Notes.Count == 0 ? null : [.. heap.Notes],
                }
                : null,
            Confidence = r.HasValue ? Math.Round(r.Confidence, 2) : null,
            Samples = r.Samples,
            WindowCovered = r.WindowCovered > TimeSpan.Zero ? PromDuration.Format(r.WindowCovered) : null,
            Trend = r.Trend is { } trend
                ? new V1alpha1Trend
                {
                    SlopePerDay = (trend.SlopeBytesPerDay < 0 ? "-" : string.Empty) + Memory.FromBytes(Math.Abs(trend.SlopeBytesPerDay)).RoundUpToMiB().ToQuantity(),
                    Significant = trend.Significant,
                    ProjectedPeak = trend.ProjectedPeak.ToQuantity(),
                }
                : null,
            OomKills = r.OomKills,
            Reasons = r.Reasons.Count == 0 ? null : [.. r.Reasons.Select(reason => reason.Text)],
            ReasonCodes = r.Reasons.Count == 0 ? null : [.. r.Reasons.Select(reason => reason.Code)],
        };
    }

    private static V1alpha1Condition HistoryCondition(StatusInput input)
    {
        var kept = input.Recommendations is null ? "no recommendation yet" : Invariant($"keeping the recommendations of {input.RecommendedAt:u}");
        switch (input.History)
        {
            case HistoryState.Unreachable or HistoryState.Failed:
                return Condition(ConditionTypes.HistoryAvailable, ConditionStatus.False, ConditionReasons.PrometheusUnavailable, $"{input.HistoryMessage}; {kept}");
            case HistoryState.Pending:
                return Condition(ConditionTypes.HistoryAvailable, ConditionStatus.Unknown, ConditionReasons.Pending, "waiting for the first history scan");
            default:
                break;
        }

        var sized = input.Recommendations ?? [];
        if (!input.TargetFound)
        {
            return Condition(ConditionTypes.HistoryAvailable, ConditionStatus.Unknown, input.TargetReason, "no target to read history for");
        }

        var sizedOnly = sized.Where(r => !input.OffContainers.Contains(Name(r))).ToList();
        if (sizedOnly.Count == 0 || sizedOnly.All(r => r.Samples == 0))
        {
            return Condition(ConditionTypes.HistoryAvailable, ConditionStatus.False, ConditionReasons.InsufficientHistory, "no memory history for the target's containers");
        }

        var thin = sizedOnly.Where(r => !r.HasValue).ToList();
        if (thin.Count > 0)
        {
            var names = string.Join(", ", thin.Select(Name));
            return Condition(ConditionTypes.HistoryAvailable, ConditionStatus.False, ConditionReasons.InsufficientHistory, $"too little history for {names}");
        }

        return Condition(ConditionTypes.HistoryAvailable, ConditionStatus.True, ConditionReasons.HistoryFound,
            Invariant($"{sized.Sum(r => r.Samples)} samples for {sized.Count} containers"));
    }

    private static V1alpha1Condition RecommendationCondition(StatusInput input, V1alpha1Condition history)
    {
        if (!input.TargetFound)
        {
            return Condition(ConditionTypes.RecommendationReady, ConditionStatus.False, ConditionReasons.TargetNotFound, input.TargetMessage);
        }

        if (input.Recommendations is not { } recommendations)
        {
            return Condition(ConditionTypes.RecommendationReady, ConditionStatus.Unknown, history.Reason!, history.Message);
        }

        if (recommendations.Count > 0 && recommendations.All(r => input.OffContainers.Contains(Name(r))))
        {
            return Condition(ConditionTypes.RecommendationReady, ConditionStatus.False, ConditionReasons.ContainerModeOff, "every container's mode is Off");
        }

        var missing = recommendations.Where(r => !r.HasValue && !input.OffContainers.Contains(Name(r))).ToList();
        if (recommendations.Count == 0 || missing.Count > 0)
        {
            var why = missing.Select(r => $"{Name(r)}: {r.Reasons.FirstOrDefault()?.Text}").FirstOrDefault() ?? "no container to size";
            return Condition(ConditionTypes.RecommendationReady, ConditionStatus.False, ConditionReasons.InsufficientHistory, why);
        }

        return Condition(ConditionTypes.RecommendationReady, ConditionStatus.True, ConditionReasons.RecommendationsComputed,
            Invariant($"{recommendations.Count(r => r.HasValue)} containers recommended"));
    }

    private static V1alpha1Condition ReadyCondition(StatusInput input, V1alpha1Condition target, V1alpha1Condition recommendation)
    {
        if (target.Status != ConditionStatus.True)
        {
            return Condition(ConditionTypes.Ready, ConditionStatus.False, target.Reason!, target.Message);
        }

        if (recommendation.Status != ConditionStatus.True)
        {
            return Condition(ConditionTypes.Ready, ConditionStatus.False, recommendation.Reason!, recommendation.Message);
        }

        if (input.UpdateBlocked is { } blocked)
        {
            return Condition(ConditionTypes.Ready, ConditionStatus.False, blocked.Reason, blocked.Message);
        }

        return Condition(ConditionTypes.Ready, ConditionStatus.True, ConditionReasons.RecommendationsComputed, recommendation.Message);
    }

    private static string Name(Recommendation r) => r.Series.Container ?? r.Series.Id;

    private static V1alpha1Condition Condition(string type, ConditionStatus status, string reason, string? message) =>
        new() { Type = type, Status = status, Reason = reason, Message = message };

    private static V1alpha1Condition Stamp(V1alpha1Condition condition, StatusInput input, V1alpha1MemoryPolicyStatus? previous)
    {
        var before = previous?.Conditions?.FirstOrDefault(c => c.Type == condition.Type);
        condition.ObservedGeneration = input.Generation;
        condition.LastTransitionTime = before is not null && before.Status == condition.Status && before.LastTransitionTime is { } kept
            ? kept
            : input.Now.UtcDateTime;
        return condition;
    }
}
