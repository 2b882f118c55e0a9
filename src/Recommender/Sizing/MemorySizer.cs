using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;
using static System.FormattableString;

namespace RightSizer.Recommender.Sizing;

/// <summary>
/// Turns one container's usage into a request and a limit: the estimators <see cref="EstimatorFactory"/> composes
/// give the raw values; then an ordered chain applies the QoS shape, the controlled values and the bounds, and rounds
/// both up to whole MiB.
/// </summary>
public static class MemorySizer
{
    /// <param name="usage">Samples inside the window, sorted by time; not empty.</param>
    public static SizedMemory Size(
        ReadOnlyMemory<Sample> usage,
        long asOf,
        RecommendationSettings settings,
        IReadOnlyList<OomKill> kills,
        CurrentResources? current)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var reasons = new List<string>();
        var trend = TrendEstimator.Estimate(usage.Span, asOf, settings.GrowthHorizon);
        var input = new EstimationInput(usage, asOf, kills, trend)
        {
            YoungGrowth = YoungGrowthEstimator.Estimate(usage.Span, asOf, settings.GrowthLookahead),
        };

        var requestEstimate = EstimatorFactory.Request(settings).Estimate(input);
        var request = Memory.FromBytes(requestEstimate.Bytes);
        reasons.Add("request: " + requestEstimate.Text);
        reasons.AddRange(requestEstimate.Notes);
        if (input.YoungGrowth is { LevelShift: true })
        {
            reasons.Add("growth: the rise in the hourly peaks is a level shift, not growth; sized to the new level");
        }

        var guaranteed = QosOutcome.WantsGuaranteed(settings.QosClass, current);
        var limitStrategy = settings.LimitStrategy;
        if (guaranteed && limitStrategy == LimitStrategy.None)
        {
            reasons.Add("limit: Guaranteed needs a limit; sized from the peak although limitStrategy is None");
            limitStrategy = LimitStrategy.Peak;
        }

        Memory? limit = null;
        AppliedCalibration? limitCalibration = null;
        if (limitStrategy != LimitStrategy.None)
        {
            var margin = CalibratedMargins.Limit(settings.LimitMargin, guaranteed, EstimatorFactory.Calibrates(settings, limitStrategy));
            var limitEstimate = EstimatorFactory.Limit(settings, limitStrategy, margin).Estimate(input);
            limit = Memory.FromBytes(limitEstimate.Bytes);
            limitCalibration = limitEstimate.Calibration;
            reasons.Add("limit: " + limitEstimate.Text);
            reasons.AddRange(limitEstimate.Notes);
        }
        else
        {
            if (kills.Count > 0)
            {
                reasons.Add(Invariant($"oom: {kills.Count} kill(s) in window, but the policy sets no limit to raise"));
            }

            if (trend is { Significant: true, SlopeBytesPerDay: > 0 })
            {
                reasons.Add(TrendFloorDecorator.Describe(trend));
            }
        }

        // The post-processing chain, in order: limit >= request, the QoS shape, controlled values, bounds, whole MiB,
        // and the class that results once CPU is counted.
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

        return new SizedMemory(request, limit, qosClass, trend, reasons) { RequestCalibration = requestEstimate.Calibration, LimitCalibration = limitCalibration };
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
}
