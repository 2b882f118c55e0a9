using BenchmarkDotNet.Attributes;
using RightSizer.Recommender.Benchmark;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;

namespace RightSizer.Benchmarks;

/// <summary>
/// The estimators and the engine on one container of 14 days at 5 minutes (4,032 samples). Each benchmark counts one
/// operation per sample, so BenchmarkDotNet reports time and allocation per sample.
/// </summary>
[MemoryDiagnoser]
public class EstimatorBenchmarks
{
    private const int Samples = 4032;
    private static readonly DateTimeOffset AsOf = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly RecommendationEngine _engine = new();
    private Sample[] _usage = [];
    private ContainerHistory _history = null!;

    [GlobalSetup]
    public void Setup()
    {
        _usage = new Sample[Samples];
        var count = SyntheticHistory.Fill(3, 1, AsOf.ToUnixTimeSeconds(), _usage);
        _usage = _usage[..count];
        _history = new ContainerHistory(new SeriesKey("bench/Deployment/web/app"), _usage);
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public double DecayedPercentile95() =>
        DecayedPercentile.Estimate(_usage, AsOf.ToUnixTimeSeconds(), TimeSpan.FromHours(24), 95);

    [Benchmark(OperationsPerInvoke = Samples)]
    public double Peak() => PeakEstimator.Peak(_usage).Value;

    [Benchmark(OperationsPerInvoke = Samples)]
    public double SeasonalPeak() => Recommender.Estimation.SeasonalPeak.Peak(_usage, AsOf.ToUnixTimeSeconds())!.Value.Value;

    [Benchmark(OperationsPerInvoke = Samples)]
    public double Confidence() => ConfidenceEstimator.Estimate(_usage, AsOf.ToUnixTimeSeconds(), TimeSpan.FromDays(14));

    [Benchmark(OperationsPerInvoke = Samples)]
    public double Trend() => TrendEstimator.Estimate(_usage, AsOf.ToUnixTimeSeconds(), TimeSpan.FromDays(7))!.SlopeBytesPerDay;

    [Benchmark(OperationsPerInvoke = Samples)]
    public long Engine() => _engine.Recommend(_history, RecommendationSettings.Default, AsOf).Request!.Value.Bytes;
}
