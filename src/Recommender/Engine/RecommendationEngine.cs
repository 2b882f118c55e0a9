using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Runtime;
using RightSizer.Recommender.Sizing;
using RightSizer.Api.Units;
using static System.FormattableString;

namespace RightSizer.Recommender.Engine;

/// <summary>
/// The recommendation engine: cuts the window out of a container's history, sizes request and limit
/// (<see cref="MemorySizer"/>), fits the managed heap inside (<see cref="HeapSizer"/>) and says how far to trust the
/// result. Pure and thread-safe: one instance serves every container.
/// </summary>
public sealed class RecommendationEngine : IRecommendationEngine
{
    public Recommendation Recommend(ContainerHistory history, RecommendationSettings settings, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);

        var to = asOf.ToUnixTimeSeconds();
        var from = to - (long)settings.HistoryWindow.TotalSeconds;
        var window = SampleWindow.Slice(history.Usage, from, to);
        var usage = window.Span;
        var kills = history.OomKills.Where(k => k.Timestamp >= from && k.Timestamp < to).ToList();
        var covered = usage.Length == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(to - usage[0].Timestamp);
        var empty = new Recommendation
        {
            Series = history.Key,
            Samples = usage.Length,
            WindowCovered = covered,
            OomKills = kills.Count,
        };

        if (settings.Mode == ContainerMode.Off)
        {
            return empty with { Reasons = ["container mode Off: not sized"] };
        }

        var running = RunningTime.Of(usage);
        if (!EnoughHistory.Has(usage.Length, running, settings.MinSamples))
        {
            return empty with
            {
                Reasons = [EnoughHistory.Describe(usage.Length, running, settings.MinSamples)],
            };
        }

        var sized = MemorySizer.Size(window, to, settings, kills, history.Current);
        var reasons = sized.Reasons.ToList();
        if (running.Intermittent)
        {
            reasons.Add(Invariant($"history: intermittent, {running.Runs} runs, {PromDuration.Format(running.Running)} running in {PromDuration.Format(running.Span)}; gaps are absence, not zero usage"));
        }
        var request = sized.Request;
        var limit = sized.Limit;
        HeapSettings? heap = null;

        var runtime = RuntimeDetector.Detect(settings.Runtime, history.Runtime);
        var heapUsage = SampleWindow.Slice(history.HeapUsage.Span, from, to);
        if (HeapSizer.Size(runtime, history.Runtime, limit ?? request, limit is not null, settings.HeapHeadroom, heapUsage, usage)
            is var (heapSettings, needed))
        {
            heap = heapSettings;
            (request, limit) = FitHeap(request, limit, needed, sized.QosClass, reasons);
            reasons.Add(Invariant($"heap: {runtime} max heap {heapSettings.MaxHeap.ToHuman()} ({string.Join(' ', heapSettings.Env.Select(e => e.Key + "=" + e.Value))})"));
        }

        return empty with
        {
            Request = request,
            Limit = limit,
            QosClass = sized.QosClass,
            Confidence = running.Intermittent
                ? ConfidenceEstimator.EstimateIntermittent(usage, to, settings.HistoryWindow, running)
                : ConfidenceEstimator.Estimate(usage, to, settings.HistoryWindow),
            Trend = sized.Trend,
            RequestCalibration = sized.RequestCalibration,
            LimitCalibration = sized.LimitCalibration,
            Heap = heap,
            Reasons = reasons,
        };
    }

    // Measured heap plus non-heap may need more than the usage-based size; the memory grows, never the heap squeezes.
    private static (Memory Request, Memory? Limit) FitHeap(
        Memory request,
        Memory? limit,
        Memory needed,
        string qosClass,
        List<string> reasons)
    {
        if (limit is { } l && needed > l)
        {
            reasons.Add(Invariant($"heap: limit raised to {needed.ToHuman()} to hold the measured heap and non-heap peaks"));
            return (qosClass == QosClasses.Guaranteed || request == l ? needed : request, needed);
        }

        if (limit is null && needed > request)
        {
            reasons.Add(Invariant($"heap: request raised to {needed.ToHuman()} to hold the measured heap and non-heap peaks"));
            return (needed, null);
        }

        return (request, limit);
    }
}
