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
