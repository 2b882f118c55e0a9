using BenchmarkDotNet.Attributes;
using RightSizer.Recommender.Benchmark;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.Model;

namespace RightSizer.Benchmarks;

/// <summary>
/// The calibration's hot path on containers of 14 days at 5 minutes (4,032 samples): each container's own backtests
/// (run for every container the engine sizes), the engine with a calibration, and the fleet pass over 100 containers.
/// Each benchmark counts one operation per sample, so BenchmarkDotNet reports time and allocation per sample.
/// </summary>
[MemoryDiagnoser]
public class CalibrationBenchmarks
{
    private const int Samples = 4032;
    private const int FleetSize = 100;
    private static readonly DateTimeOffset AsOf = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly RecommendationEngine _engine = new();
    private readonly double[] _scores = new double[Samples];
    private readonly byte[] _days = new byte[Samples];
    private readonly BacktestScore[] _limitScores = new BacktestScore[15];
    private Sample[] _usage = [];
    private ContainerHistory _history = null!;
    private ContainerHistory[] _fleet = [];
    private RecommendationSettings _calibrated = RecommendationSettings.Default;

    [GlobalSetup]
    public void Setup()
    {
        _fleet = [.. Enumerable.Range(0, FleetSize).Select(i =>
        {
            var buffer = new Sample[Samples];
            var count = SyntheticHistory.Fill(i, 1, AsOf.ToUnixTimeSeconds(), buffer);
            return new ContainerHistory(new SeriesKey($"bench/Deployment/web-{i}/app"), buffer[..count]);
        })];
        _history = _fleet[3];
        _usage = _history.Usage.ToArray();
        _calibrated = RecommendationSettings.Default with
        {
            Calibration = FleetCalibrator.Calibrate(_fleet, RecommendationSettings.Default, guaranteed: false, AsOf),
        };
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public int RequestBacktest() =>
        Recommender.Calibration.RequestBacktest.Compute(_usage, AsOf.ToUnixTimeSeconds(), TimeSpan.FromHours(24), 90, 0, _scores, _days);

    [Benchmark(OperationsPerInvoke = Samples)]
    public int LimitBacktest() =>
        Recommender.Calibration.LimitBacktest.Compute(_usage, AsOf.ToUnixTimeSeconds(), TimeSpan.FromMinutes(5), 0, _limitScores);

    [Benchmark(OperationsPerInvoke = Samples)]
    public long EngineCalibrated() => _engine.Recommend(_history, _calibrated, AsOf).Request!.Value.Bytes;

    [Benchmark(OperationsPerInvoke = Samples * FleetSize)]
    public double FleetCalibrate() =>
        FleetCalibrator.Calibrate(_fleet, RecommendationSettings.Default, guaranteed: false, AsOf).Limit.Scale;
}
