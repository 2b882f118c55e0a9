using System.Buffers;
using RightSizer.Api.Units;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;
using static System.FormattableString;

namespace RightSizer.Recommender.Calibration;

/// <summary>
/// The square-root headroom at the scale calibrated for a stated risk: the fleet's scale, times the container's own
/// spread relative to the fleet's, shrunk by its number of backtest days (<see cref="RiskCalibration.ScaleFor"/>).
/// For a limit, each OOM kill in the window widens it as <see cref="HeadroomDecorator"/> does.
/// </summary>
public sealed class CalibratedHeadroomDecorator(
    IMemoryEstimator inner,
    RiskCalibration calibration,
    BacktestKind kind,
    RecommendationSettings settings,
    double margin) : IMemoryEstimator
{
    public MemoryEstimate Estimate(EstimationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var estimate = inner.Estimate(input);
        var own = OwnScoresOf(input);
        var ratio = calibration.SpreadRatio(own);
        var scale = calibration.Scale * ratio;
        var factor = kind == BacktestKind.Limit ? 1 + (OomResponse.HeadroomPerKill * input.Kills.Count) : 1;
        var headroom = SizeAwareHeadroom.For(estimate.Basis, scale) * factor;
        var risk = kind == BacktestKind.Limit ? "OOM" : "over-request";
        // Without a fitted quantile the fleet's scale is the prior: say so, a fleet of a few containers is the common case.
        var fleet = calibration.Fitted is null
            ? Invariant($"prior {calibration.Scale:0.##}, {calibration.ContainerDays:0} container-days too few to calibrate")
            : Invariant($"fleet {calibration.Scale:0.##} from {calibration.ContainerDays:0} container-days");
        var text = Invariant(
            $" + headroom {Memory.FromBytes(headroom).ToHuman()} (scale {scale:0.##} for {calibration.TargetRisk * 100:0.##}% {risk} risk: {fleet}, own spread x{ratio:0.##})");
        return estimate.Adjusted(estimate.Bytes + headroom, text) with
        {
            Calibration = new AppliedCalibration(scale, calibration.TargetRisk, calibration.Scale, ratio, calibration.ContainerDays, calibration.DataWeight),
        };
    }

    private OwnScores OwnScoresOf(EstimationInput input)
    {
        var usage = input.Usage.Span;
        var running = RunningTime.Of(usage);
        if (kind == BacktestKind.Limit)
        {
            Span<BacktestScore> scores = stackalloc BacktestScore[(int)settings.HistoryWindow.TotalDays + 1];
            var count = LimitBacktest.Compute(usage, input.AsOf, running.Step, margin, scores);
            var squared = 0.0;
            foreach (var score in scores[..count])
            {
                var p = Math.Max(score.Value, 0);
                squared += p * p;
            }

            return OwnScores.Of(count, squared, count);
        }

        var values = ArrayPool<double>.Shared.Rent(usage.Length);
        var days = ArrayPool<byte>.Shared.Rent(usage.Length);
        try
        {
            var count = RequestBacktest.Compute(usage, input.AsOf, settings.HalfLife, settings.RequestPercentile, margin, values, days);
            var squared = 0.0;
            var dayMask = 0;
            for (var i = 0; i < count; i++)
            {
                var p = Math.Max(values[i], 0);
                squared += p * p;
                dayMask |= 1 << days[i];
            }

            return OwnScores.Of(System.Numerics.BitOperations.PopCount((uint)dayMask), squared, count);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
            ArrayPool<byte>.Shared.Return(days);
        }
    }
}
