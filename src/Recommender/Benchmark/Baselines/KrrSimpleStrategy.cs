using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Benchmark.Baselines;

/// <summary>
/// Robusta KRR's <c>simple</c> strategy for memory: request = limit = the maximum working set over the history
/// window plus a 15% buffer, at least 100 MB, and nothing below 100 data points. Constants from robusta-dev/krr
/// robusta_krr/strategies/simple.py (history_duration 336h, memory_buffer_percentage 15, points_required 100) and
/// robusta_krr/core/models/config.py (memory_min_value 100 MB).
/// </summary>
public sealed class KrrSimpleStrategy : ISizingStrategy
{
    public static readonly TimeSpan HistoryDuration = TimeSpan.FromHours(336);
    public const double BufferFraction = 0.15;
    public const int PointsRequired = 100;
    public const double MinimumBytes = 100e6;

    public string Name => "krr";

    public SizingProposal? Propose(ContainerHistory history, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(history);
        var to = decisionTime.ToUnixTimeSeconds();
        var usage = SampleWindow.Slice(history.Usage.Span, to - (long)HistoryDuration.TotalSeconds, to);
        if (usage.Length < PointsRequired)
        {
            return null;
        }

        var size = Memory.FromBytes(Math.Max(PeakEstimator.Peak(usage).Value * (1 + BufferFraction), MinimumBytes));
        return new SizingProposal(size, size);
    }
}
