using System.Diagnostics;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Benchmark;

/// <summary>What a synthetic scale run did and how long the engine took.</summary>
public sealed record SyntheticRunResult(int Containers, long Samples, int Recommended, TimeSpan Elapsed)
{
    public double SamplesPerSecond => Samples / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Generates synthetic containers on every core and runs the engine over each, one container per buffer: first a
/// calibration pass over an evenly spaced sample of the fleet (<see cref="CalibrationConstants.MaxFleetSample"/>
/// containers at most, enough container-days for a 0.5% tail) whose scores are kept but not their histories
/// (<see cref="FleetBacktest"/>), then the recommendation pass with that calibration.
/// </summary>
public static class SyntheticRun
{
    public static SyntheticRunResult Run(int containers, int days, int seed, IRecommendationEngine engine, RecommendationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var end = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var perContainer = SyntheticHistory.SamplesPerContainer(days);
        var samples = 0L;
        var recommended = 0;
        var clock = Stopwatch.StartNew();
        var stride = Math.Max(1, containers / CalibrationConstants.MaxFleetSample);
        var guaranteed = settings.QosClass == QosPolicy.Guaranteed;
        var backtest = new FleetBacktest(settings, guaranteed, end);
        Parallel.For(
            0,
            (containers + stride - 1) / stride,
            () => new Sample[perContainer],
            (i, _, buffer) =>
            {
                var count = SyntheticHistory.Fill(i * stride, seed, end.ToUnixTimeSeconds(), buffer);
                backtest.Add(buffer.AsSpan(0, count));
                return buffer;
            },
            _ => { });
        settings = settings with { Calibration = FleetCalibrator.Calibrate(backtest, settings, guaranteed) };
        Parallel.For(
            0,
            containers,
            () => (Buffer: new Sample[perContainer], Samples: 0L, Recommended: 0),
            (index, _, local) =>
            {
                var count = SyntheticHistory.Fill(index, seed, end.ToUnixTimeSeconds(), local.Buffer);
                var key = new SeriesKey("synthetic/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var recommendation = engine.Recommend(new ContainerHistory(key, local.Buffer.AsMemory(0, count)), settings, end);
                return (local.Buffer, local.Samples + count, local.Recommended + (recommendation.HasValue ? 1 : 0));
            },
            local =>
            {
                Interlocked.Add(ref samples, local.Samples);
                Interlocked.Add(ref recommended, local.Recommended);
            });
        return new SyntheticRunResult(containers, samples, recommended, clock.Elapsed);
    }
}
