using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Units;
using static System.FormattableString;

namespace RightSizer.Recommender.Sizing;

/// <summary>
/// Turns one container's usage into a request and a limit: the request covers a decayed percentile of usage, the limit
/// the peak (or a high percentile), each with a margin and a square-root headroom; the limit also covers the growth
/// trend and the OOM-kill floor; then the QoS shape, the controlled values and the bounds apply, and both round up to
/// whole MiB.
/// </summary>
public static class MemorySizer
{
    /// <param name="usage">Samples inside the window, sorted by time; not empty.</param>
    public static SizedMemory Size(
        ReadOnlySpan<Sample> usage,
        long asOf,
        RecommendationSettings settings,
        IReadOnlyList<OomKill> kills,
        CurrentResources? current)
    {
        var reasons = new List<string>();
        var request = SizeRequest(usage, asOf, settings, reasons);

        var guaranteed = QosOutcome.WantsGuaranteed(settings.QosClass, current);
        var limitStrategy = settings.LimitStrategy;
        if (guaranteed && limitStrategy == LimitStrategy.None)
        {
            reasons.Add("limit: Guaranteed needs a limit; sized from the peak although limitStrategy is None");
            limitStrategy = LimitStrategy.Peak;
        }

        var trend = TrendEstimator.Estimate(usage, asOf, settings.GrowthHorizon);
        var limit = limitStrategy == LimitStrategy.None
            ? (Memory?)null
            : SizeLimit(usage, asOf, settings, limitStrategy, guaranteed, kills, trend, reasons);
        if (limit is null && kills.Count > 0)
        {
            reasons.Add(Invariant($"oom: {kills.Count} kill(s) in window, but the policy sets no limit to raise"));
        }

        if (trend is { Significant: true, SlopeBytesPerDay: > 0 } && limit is null)
        {
            reasons.Add(Invariant(
                $"trend: +{Memory.FromBytes(trend.SlopeBytesPerDay).ToHuman()}/day, projected {trend.ProjectedPeak.ToHuman()} at {PromDuration.Format(trend.Horizon)}"));
        }

        if (limit is { } raw && raw < request)
        {
            limit = request;
        }

        if (guaranteed)
        {
            request = limit!.Value;
            reasons.Add("qos: Guaranteed, request = limit");
        }

        (request, limit) = ApplyControlledValues(request, limit, settings.ControlledValues, current, reasons);
        (request, limit) = ApplyBounds(request, limit, settings, reasons);
        request = request.RoundUpToMiB();
        limit = limit?.RoundUpToMiB();

        var (qosClass, warning) = QosOutcome.Resulting(limit is { } l && l == request, current);
        if (warning is not null)
        {
            reasons.Add(warning);
        }

        return new SizedMemory(request, limit, qosClass, trend, reasons);
    }

    private static Memory SizeRequest(ReadOnlySpan<Sample> usage, long asOf, RecommendationSettings settings, List<string> reasons)
    {
        var percentile = DecayedPercentile.Estimate(usage, asOf, settings.HalfLife, settings.RequestPercentile);
        var headroom = SizeAwareHeadroom.For(percentile, settings.RequestHeadroomScale);
        var request = Memory.FromBytes((percentile * (1 + settings.RequestMargin)) + headroom);
        reasons.Add(Invariant(
            $"request: p{settings.RequestPercentile:0.##} {Memory.FromBytes(percentile).ToHuman()}{MarginText(settings.RequestMargin)} + headroom {Memory.FromBytes(headroom).ToHuman()}"));
        return request;
    }

    private static Memory SizeLimit(
        ReadOnlySpan<Sample> usage,
        long asOf,
        RecommendationSettings settings,
        LimitStrategy strategy,
        bool guaranteed,
        IReadOnlyList<OomKill> kills,
        TrendEstimate? trend,
        List<string> reasons)
    {
        double basis;
        string basisText;
        if (strategy == LimitStrategy.Percentile)
        {
            basis = DecayedPercentile.Estimate(usage, asOf, settings.HalfLife, settings.LimitPercentile);
            basisText = Invariant($"p{settings.LimitPercentile:0.##}");
        }
        else
        {
            basis = PeakEstimator.Peak(usage).Value;
            basisText = "peak";
        }

        var margin = settings.LimitMargin
            ?? (guaranteed ? MemoryPolicyDefaults.GuaranteedLimitMargin : MemoryPolicyDefaults.LimitMargin);
        var killFactor = 1 + (OomResponse.HeadroomPerKill * kills.Count);
        var headroom = SizeAwareHeadroom.For(basis, settings.LimitHeadroomScale) * killFactor;
        var limit = Memory.FromBytes((basis * (1 + margin)) + headroom);
        reasons.Add(Invariant(
            $"limit: {basisText} {Memory.FromBytes(basis).ToHuman()}{MarginText(margin)} + headroom {Memory.FromBytes(headroom).ToHuman()}"));

        if (trend is { Significant: true, SlopeBytesPerDay: > 0 })
        {
            var text = Invariant(
                $"trend: +{Memory.FromBytes(trend.SlopeBytesPerDay).ToHuman()}/day, projected {trend.ProjectedPeak.ToHuman()} at {PromDuration.Format(trend.Horizon)}");
            if (trend.ProjectedPeak > limit)
            {
                limit = trend.ProjectedPeak;
                text += "; limit raised to cover it";
            }

            reasons.Add(text);
        }

        if (kills.Count > 0)
        {
            var floor = OomResponse.Floor(kills);
            var last = kills[^1].LimitAtKill is { } atKill ? $", last at limit {atKill.ToHuman()}" : string.Empty;
            var text = Invariant($"oom-bump: {kills.Count} kill(s) in window{last}; headroom x{killFactor:0.#}");
            if (floor is { } f && f > limit)
            {
                limit = f;
                text += Invariant($"; limit raised to {f.ToHuman()}");
            }

            reasons.Add(text);
        }

        return limit;
    }

    private static (Memory Request, Memory? Limit) ApplyControlledValues(
        Memory request,
        Memory? limit,
        ControlledValues controlled,
        CurrentResources? current,
        List<string> reasons)
    {
        if (controlled != ControlledValues.RequestsOnly)
        {
            return (request, limit);
        }

        var kept = current?.MemoryLimit;
        reasons.Add(kept is { } k
            ? Invariant($"limit: kept at {k.ToHuman()} (controlledValues RequestsOnly)")
            : "limit: left as it is (controlledValues RequestsOnly)");
        if (kept is { } keptLimit && request > keptLimit)
        {
            reasons.Add(Invariant($"request: capped at the kept limit {keptLimit.ToHuman()} (wanted {request.ToHuman()})"));
            request = keptLimit;
        }

        return (request, kept);
    }

    private static (Memory Request, Memory? Limit) ApplyBounds(
        Memory request,
        Memory? limit,
        RecommendationSettings settings,
        List<string> reasons)
    {
        if (settings.MinAllowed is { } min)
        {
            if (request < min)
            {
                reasons.Add(Invariant($"bounds: request raised to minAllowed {min.ToHuman()}"));
                request = min;
            }

            if (limit is { } l && l < min)
            {
                limit = min;
            }
        }

        if (settings.MaxAllowed is { } max)
        {
            if (request > max)
            {
                reasons.Add(Invariant($"bounds: request lowered to maxAllowed {max.ToHuman()}"));
                request = max;
            }

            if (limit is { } l && l > max)
            {
                reasons.Add(Invariant($"bounds: limit lowered to maxAllowed {max.ToHuman()}"));
                limit = max;
            }
        }

        return (request, limit);
    }

    private static string MarginText(double margin) =>
        margin > 0 ? Invariant($" (+{margin * 100:0.#}%)") : string.Empty;
}
