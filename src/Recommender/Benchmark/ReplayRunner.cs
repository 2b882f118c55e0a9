using System.Collections.Concurrent;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Benchmark;

/// <summary>
/// Replays history against sizing strategies. At each decision time T (every step, from train after the first sample of
/// the whole set) each strategy proposes from history before T and is judged on the samples in [T, T + step). A
/// (series, T) pair is scored only when every strategy proposed, so all are judged on the same work. A period whose
/// usage crossed a strategy's limit is a would-be OOM kill: it is fed back to that strategy as an OomKill (time of the
/// first sample over, the limit at the kill), as kube-state-metrics would report it. In <see cref="ReplayMode.Capped"/>
/// mode each strategy also sees its own copy of the history in which the usage of judged periods is capped at the limit
/// it proposed for them, as a cgroup would have recorded it; the judge always uses the uncapped usage.
/// </summary>
public static class ReplayRunner
{
    public static IReadOnlyList<ReplayResult> Run(
        IReadOnlyList<ContainerHistory> series,
        IReadOnlyList<ISizingStrategy> strategies,
        ReplayOptions options,
        string? baselineName = "static")
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(options);
        if (series.Count == 0 || strategies.Count == 0)
        {
            return [];
        }

        var first = series.Where(s => s.Usage.Length > 0).Min(s => s.Usage.Span[0].Timestamp);
        var last = series.Where(s => s.Usage.Length > 0).Max(s => s.Usage.Span[^1].Timestamp);
        var step = (long)options.Step.TotalSeconds;
        var decisions = new List<long>();
        for (var t = first + (long)options.Train.TotalSeconds; t <= last; t += step)
        {
            decisions.Add(t);
        }

        var totals = new ConcurrentBag<ReplayTally[]>();
        Parallel.ForEach(series, history => totals.Add(ReplaySeries(history, strategies, decisions, step, options.Mode)));

        var merged = strategies.Select(_ => new ReplayTally()).ToArray();
        foreach (var tallies in totals)
        {
            for (var i = 0; i < merged.Length; i++)
            {
                merged[i].Add(tallies[i]);
            }
        }

        var baseline = strategies.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Name == baselineName);
        var baselineTally = baseline.s is null ? null : merged[baseline.i];
        return [.. strategies.Select((s, i) => ReplayResult.From(s.Name, options.Mode, merged[i], baselineTally))];
    }

    private static ReplayTally[] ReplaySeries(
        ContainerHistory history,
        IReadOnlyList<ISizingStrategy> strategies,
        List<long> decisions,
        long step,
        ReplayMode mode)
    {
        var tallies = strategies.Select(_ => new ReplayTally()).ToArray();
        var kills = strategies.Select(_ => new List<OomKill>()).ToArray();
        var views = strategies.Select(_ => mode == ReplayMode.Capped ? history.Usage.ToArray() : null).ToArray();
        var proposals = new SizingProposal?[strategies.Count];
        foreach (var decision in decisions)
        {
            var period = SampleWindow.Slice(history.Usage.Span, decision, decision + step);
            if (period.IsEmpty)
            {
                continue;
            }

            var asOf = DateTimeOffset.FromUnixTimeSeconds(decision);
            for (var i = 0; i < strategies.Count; i++)
            {
                var seen = views[i] is { } view ? history with { Usage = view } : history;
                proposals[i] = strategies[i].Propose(seen with { OomKills = [.. kills[i]] }, asOf);
            }

            if (proposals.Any(p => p is null))
            {
                continue;
            }

            for (var i = 0; i < strategies.Count; i++)
            {
                if (tallies[i].Score(proposals[i]!, period) is { } kill)
                {
                    kills[i].Add(new OomKill(kill.Timestamp, proposals[i]!.Limit));
                    if (views[i] is { } view && proposals[i]!.Limit is { } limit)
                    {
                        CapAt(view, decision, decision + step, limit.Bytes);
                    }
                }
            }
        }

        return tallies;
    }

    private static void CapAt(Sample[] view, long from, long to, double limit)
    {
        var span = view.AsSpan(SampleWindow.Indices(view, from, to));
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i].Value > limit)
            {
                span[i] = span[i] with { Value = limit };
            }
        }
    }
}
