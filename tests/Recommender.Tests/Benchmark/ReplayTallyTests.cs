using RightSizer.Recommender.Benchmark;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Tests.Benchmark;

public sealed class ReplayTallyTests
{
    // Request 100, limit 120, usage 50, 150, 100:
    // request slack = (50 + 0 + 0) / 300; limit slack = (70 + 0 + 20) / 360; over-request = 1 of 3 samples;
    // the 150 sample crosses the limit, so the pair is a would-be OOM kill; requested/used = 300 / 300.
    [Test]
    public void Score_HandComputedPeriod_Metrics()
    {
        var tally = new ReplayTally();
        Sample[] period = [new(1, 50), new(2, 150), new(3, 100)];

        var kill = tally.Score(new SizingProposal(new Memory(100), new Memory(120)), period);
        var result = ReplayResult.From("x", ReplayMode.Capped, tally, null);

        Assert.Multiple(() =>
        {
            Assert.That(kill, Is.EqualTo(new Sample(2, 150)));
            Assert.That(result.RequestSlack, Is.EqualTo(50.0 / 300).Within(1e-12));
            Assert.That(result.LimitSlack, Is.EqualTo(90.0 / 360).Within(1e-12));
            Assert.That(result.OverRequest, Is.EqualTo(1.0 / 3).Within(1e-12));
            Assert.That(result.OomRate, Is.EqualTo(1.0));
            Assert.That(result.RequestedPerUsed, Is.EqualTo(1.0).Within(1e-12));
        });
    }

    [Test]
    public void Score_NoLimit_NeverOom()
    {
        var tally = new ReplayTally();

        var kill = tally.Score(new SizingProposal(new Memory(10), null), [new Sample(1, 1e12)]);

        Assert.Multiple(() =>
        {
            Assert.That(kill, Is.Null);
            Assert.That(tally.OomPairs, Is.Zero);
            Assert.That(tally.LimitSum, Is.Zero);
        });
    }

    // Two tallies of one period each: 1 of 2 pairs over the limit; versus a static baseline requesting 4× as much.
    [Test]
    public void From_MergedTalliesAndBaseline_Ratios()
    {
        var a = new ReplayTally();
        a.Score(new SizingProposal(new Memory(100), new Memory(100)), [new Sample(1, 150)]);
        var b = new ReplayTally();
        b.Score(new SizingProposal(new Memory(100), new Memory(100)), [new Sample(1, 50)]);
        a.Add(b);
        var baseline = new ReplayTally();
        baseline.Score(new SizingProposal(new Memory(400), new Memory(400)), [new Sample(1, 1), new Sample(2, 1)]);

        var result = ReplayResult.From("x", ReplayMode.Capped, a, baseline);

        Assert.Multiple(() =>
        {
            Assert.That(result.OomRate, Is.EqualTo(0.5));
            Assert.That(result.RequestedVsStatic, Is.EqualTo(0.25));
            Assert.That(result.Pairs, Is.EqualTo(2));
        });
    }
}
