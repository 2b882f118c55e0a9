using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Benchmark;

/// <summary>
/// Replays history against sizing strategies. At each decision time T (every step, from train after the first sample of
/// the whole set) each strategy first observes the fleet as it has seen it, then proposes for each series from history
/// before T, and is judged on the samples in [T, T + step). A (series, T) pair is scored only when every strategy
/// proposed, so all are judged on the same work. A period whose usage crossed a strategy's limit is a would-be OOM
/// kill: it is fed back to that strategy as an OomKill (time of the first sample over, the limit at the kill), as
/// kube-state-metrics would report it. In <see cref="ReplayMode.Capped"/> mode each strategy also sees its own copy of
/// the history in which the usage of judged periods is capped at the limit it proposed for them, as a cgroup would have
/// recorded it; the judge always uses the uncapped usage.
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
        var states = series.Select(s => new SeriesState(s, strategies.Count, options.Mode)).ToArray();
        for (var decision = first + (long)options.Train.TotalSeconds; decision <= last; decision += step)
        {
            var asOf = DateTimeOffset.FromUnixTimeSeconds(decision);
            for (var i = 0; i < strategies.Count; i++)
            {
                var index = i;
                strategies[i].Observe([.. states.Select(s => s.Seen(index))], asOf);
            }

            Parallel.ForEach(states, state => state.Decide(strategies, decision, step));
        }

        var merged = strategies.Select(_ => new ReplayTally()).ToArray();
        foreach (var state in states)
        {
            for (var i = 0; i < merged.Length; i++)
            {
                merged[i].Add(state.Tallies[i]);
            }
        }

        var baseline = strategies.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Name == baselineName);
        var baselineTally = baseline.s is null ? null : merged[baseline.i];
        return [.. strategies.Select((s, i) => ReplayResult.From(s.Name, options.Mode, merged[i], baselineTally))];
    }

    // One series under replay: per strategy its tally, the kills it caused and, when capped, its own view of the usage.
    private sealed class SeriesState
    {
        private readonly ContainerHistory _history;
        private readonly List<OomKill>[] _kills;
        private readonly Sample[]?[] _views;
        private readonly SizingProposal?[] _proposals;

        public SeriesState(ContainerHistory history, int strategies, ReplayMode mode)
        {
            _history = history;
            _kills = [.. Enumerable.Range(0, strategies).Select(_ => new List<OomKill>())];
            _views = [.. Enumerable.Range(0, strategies).Select(_ => mode == ReplayMode.Capped ? history.Usage.ToArray() : null)];
            _proposals = new SizingProposal?[strategies];
            Tallies = [.. Enumerable.Range(0, strategies).Select(_ => new ReplayTally())];
        }

        public ReplayTally[] Tallies { get; }

        public ContainerHistory Seen(int strategy)
        {
            var seen = _views[strategy] is { } view ? _history with { Usage = view } : _history;
            return seen with { OomKills = [.. _kills[strategy]] };
        }

        public void Decide(IReadOnlyList<ISizingStrategy> strategies, long decision, long step)
        {
            var period = SampleWindow.Slice(_history.Usage.Span, decision, decision + step);
            if (period.IsEmpty)
            {
                return;
            }

            var asOf = DateTimeOffset.FromUnixTimeSeconds(decision);
            for (var i = 0; i < strategies.Count; i++)
            {
                _proposals[i] = strategies[i].Propose(Seen(i), asOf);
            }

            if (_proposals.Any(p => p is null))
            {
                return;
            }

            for (var i = 0; i < strategies.Count; i++)
            {
                if (Tallies[i].Score(_proposals[i]!, period) is { } kill)
                {
                    _kills[i].Add(new OomKill(kill.Timestamp, _proposals[i]!.Limit));
                    if (_views[i] is { } view && _proposals[i]!.Limit is { } limit)
                    {
                        CapAt(view, decision, decision + step, limit.Bytes);
                    }
                }
            }
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
}
