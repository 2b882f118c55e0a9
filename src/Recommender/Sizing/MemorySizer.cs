using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Sizing.PostProcessing;
using static System.FormattableString;

namespace RightSizer.Recommender.Sizing;

/// <summary>
/// Turns one container's usage into a request and a limit: the estimators <see cref="EstimatorFactory"/> composes
/// give the raw values; the <see cref="PostProcessorChain"/> shapes, rounds and bounds them; then the QoS class that
/// results is read off the final values.
/// </summary>
public static class MemorySizer
{
    /// <param name="usage">Samples inside the window, sorted by time; not empty.</param>
    /// <param name="heapNeeded">What the measured heap and non-heap peaks need (<see cref="Runtime.HeapSizer.Measure"/>).</param>
    public static SizedMemory Size(
        ReadOnlyMemory<Sample> usage,
        long asOf,
        RecommendationSettings settings,
        IReadOnlyList<OomKill> kills,
        CurrentResources? current,
        Memory? heapNeeded = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var reasons = new List<Reason>();
        var trend = TrendEstimator.Estimate(usage.Span, asOf, settings.GrowthHorizon);
        var input = new EstimationInput(usage, asOf, kills, trend)
        {
            YoungGrowth = YoungGrowthEstimator.Estimate(usage.Span, asOf, settings.GrowthLookahead),
        };

        var requestEstimate = EstimatorFactory.Request(settings).Estimate(input);
        reasons.Add(new Reason(ReasonCode.RequestEstimate, "request: " + requestEstimate.Text));
        reasons.AddRange(requestEstimate.Notes);
        if (input.YoungGrowth is { LevelShift: true })
        {
            reasons.Add(new Reason(ReasonCode.LevelShift, "growth: the rise in the hourly peaks is a level shift, not growth; sized to the new level"));
        }

        var guaranteed = QosOutcome.WantsGuaranteed(settings.QosClass, current);
        var limitStrategy = settings.LimitStrategy;
        if (guaranteed && limitStrategy == LimitStrategy.None)
        {
            reasons.Add(new Reason(ReasonCode.LimitForGuaranteed, "limit: Guaranteed needs a limit; sized from the peak although limitStrategy is None"));
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
            reasons.Add(new Reason(ReasonCode.LimitEstimate, "limit: " + limitEstimate.Text));
            reasons.AddRange(limitEstimate.Notes);
        }
        else
        {
            if (kills.Count > 0)
            {
                reasons.Add(new Reason(ReasonCode.OomWithoutLimit, Invariant($"oom: {kills.Count} kill(s) in window, but the policy sets no limit to raise")));
            }

            if (trend is { Significant: true, SlopeBytesPerDay: > 0 })
            {
                reasons.Add(TrendFloorDecorator.Describe(trend));
            }
        }

        var state = PostProcessorChain.Run(
            new SizingState(Memory.FromBytes(requestEstimate.Bytes), limit, reasons),
            new SizingContext(settings, current, guaranteed, heapNeeded));

        var (qosClass, warning) = QosOutcome.Resulting(state.Limit is { } l && l == state.Request, current);
        if (warning is not null)
        {
            state = state.Noted(warning);
        }

        return new SizedMemory(state.Request, state.Limit, qosClass, trend, state.Reasons)
        {
            RequestCalibration = requestEstimate.Calibration,
            LimitCalibration = limitCalibration,
        };
    }
}
