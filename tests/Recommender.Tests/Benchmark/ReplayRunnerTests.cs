using RightSizer.Recommender.Benchmark;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Tests.Benchmark;

public sealed class ReplayRunnerTests
{
    private const long Day = 86_400;

    private static ContainerHistory Series(string id, int days, double value) =>
        new(new SeriesKey(id), Enumerable.Range(0, days * 24).Select(h => new Sample(h * 3600L, value)).ToArray());

    [Test]
    public void Run_OneStrategySilentOnASeries_OnlyCommonPairsScored()
    {
        ContainerHistory[] series = [Series("both", 5, 100), Series("only-a", 5, 100)];
        var a = new FixedStrategy("a", 200, _ => true);
        var b = new FixedStrategy("b", 200, id => id == "both");

        var results = ReplayRunner.Run(series, [a, b], new ReplayOptions(TimeSpan.FromDays(2), TimeSpan.FromDays(1)));

        // Decisions at days 2, 3 and 4 each have a following day of samples (day 4 a partial one).
        Assert.That(results.Select(r => r.Pairs), Is.EqualTo(new[] { 3L, 3L }));
    }

    [Test]
    public void Run_LimitCrossed_KillFedBackToThatStrategyOnly()
    {
        var a = new FixedStrategy("a", 50, _ => true);
        var b = new FixedStrategy("b", 500, _ => true);

        var results = ReplayRunner.Run([Series("x", 5, 100)], [a, b], new ReplayOptions(TimeSpan.FromDays(2), TimeSpan.FromDays(1)));

        Assert.Multiple(() =>
        {
            Assert.That(results[0].OomRate, Is.EqualTo(1.0));
            Assert.That(results[1].OomRate, Is.Zero);
            Assert.That(a.KillsSeen, Is.EqualTo(new[] { 0, 1, 2 }), "kills observed so far, at each decision");
            Assert.That(b.KillsSeen, Is.EqualTo(new[] { 0, 0, 0 }));
            Assert.That(a.LastKillLimit, Is.EqualTo(new Memory(50)));
        });
    }

    [Test]
    public void Run_ProposalsSeeOnlyThePast()
    {
        var spy = new FixedStrategy("spy", 100, _ => true);

        ReplayRunner.Run([Series("x", 5, 100)], [spy], new ReplayOptions(TimeSpan.FromDays(2), TimeSpan.FromDays(1)));

        Assert.That(spy.Decisions.Select(d => d.ToUnixTimeSeconds()), Is.EqualTo(new[] { 2 * Day, 3 * Day, 4 * Day }));
    }

    // 100 for two days, then 200: a limit of the peak seen so far is crossed on day 2.
    private static ContainerHistory Jump() =>
        new(new SeriesKey("jump"), Enumerable.Range(0, 5 * 24).Select(h => new Sample(h * 3600L, h < 48 ? 100 : 200)).ToArray());

    private static readonly TestCaseData[] Modes =
    [
        new TestCaseData(ReplayMode.Capped, 3L, 120.0).SetName("Run_Capped_LaterDecisionsSeeUsageCappedAtTheLimit"),
        new TestCaseData(ReplayMode.Uncapped, 1L, 200.0).SetName("Run_Uncapped_LaterDecisionsSeeTheTrueUsage"),
    ];

    [TestCaseSource(nameof(Modes))]
    public void Run_UsageAboveTheLimit_SeenAsTheModeSays(ReplayMode mode, long oomPairs, double peakSeenOnDay3)
    {
        var peak = new PeakTimesStrategy(1.2);

        var results = ReplayRunner.Run([Jump()], [peak], new ReplayOptions(TimeSpan.FromDays(2), TimeSpan.FromDays(1), mode));

        Assert.Multiple(() =>
        {
            Assert.That(results[0].OomPairs, Is.EqualTo(oomPairs));
            Assert.That(results[0].Mode, Is.EqualTo(mode));
            Assert.That(peak.PeaksSeen[1], Is.EqualTo(peakSeenOnDay3), "the peak of days 0-2 as the strategy saw it");
        });
    }

    // Limit = factor x the peak seen; the request is the peak.
    private sealed class PeakTimesStrategy(double factor) : ISizingStrategy
    {
        public string Name => "peak";

        public List<double> PeaksSeen { get; } = [];

        public SizingProposal? Propose(ContainerHistory history, DateTimeOffset decisionTime)
        {
            var to = decisionTime.ToUnixTimeSeconds();
            var peak = history.Usage.ToArray().Where(s => s.Timestamp < to).Max(s => s.Value);
            PeaksSeen.Add(peak);
            return new SizingProposal(new Memory((long)peak), new Memory((long)(peak * factor)));
        }
    }

    private sealed class FixedStrategy(string name, long size, Func<string, bool> proposes) : ISizingStrategy
    {
        public string Name => name;

        public List<int> KillsSeen { get; } = [];

        public List<DateTimeOffset> Decisions { get; } = [];

        public Memory? LastKillLimit { get; private set; }

        public SizingProposal? Propose(ContainerHistory history, DateTimeOffset decisionTime)
        {
            if (!proposes(history.Key.Id))
            {
                return null;
            }

            KillsSeen.Add(history.OomKills.Count);
            Decisions.Add(decisionTime);
            LastKillLimit = history.OomKills.Count > 0 ? history.OomKills[^1].LimitAtKill : LastKillLimit;
            return new SizingProposal(new Memory(size), new Memory(size));
        }
    }
}
