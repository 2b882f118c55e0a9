using System.Buffers;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Calibration;

/// <summary>
/// The backtest scores of a fleet, accumulated one container at a time and safe to feed from several threads: the
/// limit's few scores per container are kept (the regime-change test needs each day's share of exceeding containers),
/// the request's per-sample scores go straight into one histogram per backtest day, so nothing of a history is kept
/// and the memory is fixed (a few histograms of 32 KB) whatever the fleet's size. <see cref="FleetCalibrator"/> turns
/// the scores into the calibration.
/// </summary>
public sealed class FleetBacktest
{
    private readonly RecommendationSettings _settings;
    private readonly double _limitMargin;
    private readonly long _from;
    private readonly long _to;
    private readonly object _gate = new();
    private readonly List<BacktestScore[]> _limit = [];
    private readonly RequestDay[] _request = [.. Enumerable.Range(0, CalibrationConstants.RequestDays + 1).Select(_ => new RequestDay())];

    /// <param name="guaranteed">Whether the policy sizes Guaranteed pods (its limit margin).</param>
    public FleetBacktest(RecommendationSettings settings, bool guaranteed, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _limitMargin = CalibratedMargins.Limit(settings.LimitMargin, guaranteed, calibrated: true);
        _to = asOf.ToUnixTimeSeconds();
        _from = _to - (long)settings.HistoryWindow.TotalSeconds;
    }

    /// <summary>The limit's scores, one array per container that had any.</summary>
    public IReadOnlyList<BacktestScore[]> LimitScores => _limit;

    /// <summary>
    /// The request's scores of backtest day <paramref name="day"/> (1 = the 24 hours before the decision time), each
    /// container's scores weighing 1 in all, spread over its samples, so the evidence counts container-days.
    /// </summary>
    public ScoreHistogram RequestScores(int day) => _request[day].Histogram;

    /// <summary>Σ over the containers scored on the day of the mean squared positive score.</summary>
    public double RequestSquares(int day) => _request[day].Squares;

    /// <summary>The containers with request scores on the day.</summary>
    public int RequestContainers(int day) => _request[day].Containers;

    /// <summary>Backtests one container's usage (sorted by time; samples outside the window are ignored).</summary>
    public void Add(ReadOnlySpan<Sample> history)
    {
        var usage = SampleWindow.Slice(history, _from, _to);
        var running = RunningTime.Of(usage);
        if (running.Intermittent || running.Step <= TimeSpan.Zero)
        {
            return;
        }

        Span<BacktestScore> limit = stackalloc BacktestScore[(int)_settings.HistoryWindow.TotalDays + 1];
        var limitCount = LimitBacktest.Compute(usage, _to, running.Step, _limitMargin, limit);
        var scores = ArrayPool<double>.Shared.Rent(usage.Length);
        var days = ArrayPool<byte>.Shared.Rent(usage.Length);
        try
        {
            var count = RequestBacktest.Compute(
                usage, _to, _settings.HalfLife, _settings.RequestPercentile, _settings.RequestMargin, scores, days);
            Span<int> perDay = stackalloc int[CalibrationConstants.RequestDays + 1];
            perDay.Clear();
            foreach (var day in days.AsSpan(0, count))
            {
                perDay[day]++;
            }

            lock (_gate)
            {
                if (limitCount > 0)
                {
                    _limit.Add(limit[..limitCount].ToArray());
                }

                for (var i = 0; i < count; i++)
                {
                    _request[days[i]].Add(scores[i], perDay[days[i]]);
                }

                for (var day = 1; day < perDay.Length; day++)
                {
                    _request[day].Containers += perDay[day] > 0 ? 1 : 0;
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<byte>.Shared.Return(days);
        }
    }

    private sealed class RequestDay
    {
        public ScoreHistogram Histogram { get; } = new();

        public double Squares { get; private set; }

        public int Containers { get; set; }

        public void Add(double score, int containerSamples)
        {
            var weight = 1.0 / containerSamples;
            var positive = Math.Max(score, 0);
            Histogram.Add(score, weight);
            Squares += weight * positive * positive;
        }
    }
}
