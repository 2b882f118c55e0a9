using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using static System.FormattableString;

namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// Decides which events a change of recommendations deserves, comparing the stored status with the new
/// recommendations: a change beyond minChange, more OOM kills (the limit bumped over them), a growth trend that
/// newly became significant, with when it would exhaust today's limit. Pure.
/// </summary>
public static class PolicyEvents
{
    public static IReadOnlyList<PolicyEvent> Diff(
        V1alpha1MemoryPolicyStatus? previous,
        IReadOnlyList<Recommendation> current,
        IReadOnlyDictionary<string, Memory?> currentLimits,
        double minChange)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(currentLimits);
        var events = new List<PolicyEvent>();
        foreach (var r in current.Where(r => r.HasValue))
        {
            var name = r.Series.Container ?? r.Series.Id;
            var before = previous?.Recommendations?.FirstOrDefault(p => p.ContainerName == name);
            var oldRequest = Memory.TryParse(before?.Request, out var req) ? req : (Memory?)null;
            var oldLimit = Memory.TryParse(before?.Limit, out var lim) ? lim : (Memory?)null;
            if (Changed(oldRequest, r.Request, minChange) || Changed(oldLimit, r.Limit, minChange))
            {
                events.Add(new PolicyEvent(EventReasons.RecommendationChanged,
                    $"{name}: request {Text(oldRequest)} -> {Text(r.Request)}, limit {Text(oldLimit)} -> {Text(r.Limit)}"));
            }

            if (r.OomKills > (before?.OomKills ?? 0))
            {
                events.Add(new PolicyEvent(EventReasons.OomBump,
                    Invariant($"{name}: {r.OomKills} OOM kills in the window; limit raised to {Text(r.Limit)}"), Warning: true));
            }

            if (r.Trend is { Significant: true, SlopeBytesPerDay: > 0 } trend && before?.Trend?.Significant != true)
            {
                var exhaustion = currentLimits.GetValueOrDefault(name) is { } limit && r.Trend.ProjectedPeak > limit
                    ? Invariant($"; today's limit {limit.ToQuantity()} would be reached in about {Exhaustion(trend, limit)}")
                    : string.Empty;
                events.Add(new PolicyEvent(EventReasons.GrowthTrend,
                    Invariant($"{name}: growing {Memory.FromBytes(trend.SlopeBytesPerDay).ToHuman()}/day, projected {trend.ProjectedPeak.ToHuman()} in {PromDuration.Format(trend.Horizon)}{exhaustion}"),
                    Warning: true));
            }
        }

        return events;
    }

    private static bool Changed(Memory? before, Memory? after, double minChange) => (before, after) switch
    {
        (null, null) => false,
        ({ } b, { } a) => b.Bytes == 0 ? a.Bytes != 0 : Math.Abs(a.Bytes - b.Bytes) / (double)b.Bytes > minChange,
        _ => true,
    };

    // The peak is projected at the horizon along the slope, so the limit is crossed (peak - limit) / slope earlier.
    private static string Exhaustion(TrendEstimate trend, Memory limit)
    {
        var early = TimeSpan.FromDays((trend.ProjectedPeak.Bytes - limit.Bytes) / trend.SlopeBytesPerDay);
        var at = trend.Horizon - early;
        return PromDuration.Format(at > TimeSpan.Zero ? TimeSpan.FromHours(Math.Ceiling(at.TotalHours)) : TimeSpan.Zero);
    }

    private static string Text(Memory? m) => m?.ToQuantity() ?? "none";
}
