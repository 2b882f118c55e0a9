using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Runtime;
using RightSizer.Recommender.Sizing;
using static System.FormattableString;

namespace RightSizer.Recommender.Engine;

/// <summary>
/// The recommendation engine: cuts the window out of a container's history, measures a managed heap
/// (<see cref="HeapSizer"/>), sizes request and limit (<see cref="MemorySizer"/>, whose post-processing chain ends with
/// the bounds), derives the heap settings from the final memory and says how far to trust the result. Pure and
/// thread-safe: one instance serves every container.
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
            Current = history.Current,
        };

        if (settings.Mode == ContainerMode.Off)
        {
            return empty with { Reasons = [new Reason(ReasonCode.ContainerModeOff, "container mode Off: not sized")] };
        }

        var running = RunningTime.Of(usage);
        if (!EnoughHistory.Has(usage.Length, running, settings.MinSamples))
        {
            return empty with
            {
                Reasons = [new Reason(ReasonCode.InsufficientHistory, EnoughHistory.Describe(usage.Length, running, settings.MinSamples))],
            };
        }

        var runtime = RuntimeDetector.Detect(settings.Runtime, history.Runtime);
        var peaks = runtime is RuntimeKind.JVM or RuntimeKind.DotNet
            ? HeapSizer.Measure(SampleWindow.Slice(history.HeapUsage.Span, from, to), usage)
            : null;
        var sized = MemorySizer.Size(window, to, settings, kills, history.Current, peaks?.Needed);
        var reasons = sized.Reasons;
        var heap = HeapSizer.Settings(runtime, history.Runtime, sized.Limit ?? sized.Request, sized.Limit is not null, settings.HeapHeadroom, peaks);
        if (running.Intermittent)
        {
            reasons = [.. reasons, new Reason(ReasonCode.IntermittentHistory, Invariant($"history: intermittent, {running.Runs} runs, {PromDuration.Format(running.Running)} running in {PromDuration.Format(running.Span)}; gaps are absence, not zero usage"))];
        }

        if (heap is not null)
        {
            reasons = [.. reasons, new Reason(ReasonCode.HeapSettings, Invariant($"heap: {runtime} max heap {heap.MaxHeap.ToHuman()} ({string.Join(' ', heap.Env.Select(e => e.Key + "=" + e.Value))})"))];
        }

        return empty with
        {
            Request = sized.Request,
            Limit = sized.Limit,
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
}
