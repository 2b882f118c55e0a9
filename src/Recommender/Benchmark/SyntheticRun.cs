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
/// containers at most, enough container-days for a 0.5% tail), then the recommendation pass with that calibration.
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
        var sample = new ContainerHistory[(containers + stride - 1) / stride];
        Parallel.For(0, sample.Length, i =>
        {
            var buffer = new Sample[perContainer];
            var count = SyntheticHistory.Fill(i * stride, seed, end.ToUnixTimeSeconds(), buffer);
            sample[i] = new ContainerHistory(new SeriesKey("synthetic/sample"), buffer.AsMemory(0, count));
        });
        settings = settings with
        {
            Calibration = FleetCalibrator.Calibrate(sample, settings, settings.QosClass == QosPolicy.Guaranteed, end),
        };
        Array.Clear(sample);
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
