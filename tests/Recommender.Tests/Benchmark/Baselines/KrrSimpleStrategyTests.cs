using RightSizer.Recommender.Benchmark.Baselines;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Benchmark.Baselines;

public sealed class KrrSimpleStrategyTests
{
    private static readonly DateTimeOffset Decision = DateTimeOffset.FromUnixTimeSeconds(1_000_000);

    private static ContainerHistory Trace(int points, double peak, double rest) =>
        new(new SeriesKey("x"), Enumerable.Range(0, points)
            .Select(i => new Sample(Decision.ToUnixTimeSeconds() - ((points - i) * 300), i == points / 2 ? peak : rest))
            .ToArray());

    // 200 points peaking at 1 GB: 1.15 × 1e9 = 1.15e9 bytes for both request and limit.
    [Test]
    public void Propose_PeakOneGigabyte_FifteenPercentAbove()
    {
        var proposal = new KrrSimpleStrategy().Propose(Trace(200, 1e9, 4e8), Decision)!;

        Assert.Multiple(() =>
        {
            Assert.That(proposal.Request.Bytes, Is.EqualTo(1_150_000_000));
            Assert.That(proposal.Limit, Is.EqualTo(proposal.Request));
        });
    }

    // 1.15 × 50 MB = 57.5 MB is below the 100 MB floor.
    [Test]
    public void Propose_SmallContainer_HundredMegabyteFloor() =>
        Assert.That(new KrrSimpleStrategy().Propose(Trace(200, 5e7, 1e7), Decision)!.Request.Bytes, Is.EqualTo(100_000_000));

    [Test]
    public void Propose_NinetyNinePoints_Nothing() =>
        Assert.That(new KrrSimpleStrategy().Propose(Trace(99, 1e9, 1e9), Decision), Is.Null);

    // A 5 GB peak 15 days ago is outside the 336-hour history; the 1 GB peak inside it counts.
    [Test]
    public void Propose_PeakOlderThanFourteenDays_Ignored()
    {
        var samples = Trace(200, 1e9, 4e8).Usage.ToArray().Prepend(new Sample(Decision.ToUnixTimeSeconds() - (15 * 86_400), 5e9)).ToArray();

        Assert.That(new KrrSimpleStrategy().Propose(new ContainerHistory(new SeriesKey("x"), samples), Decision)!.Request.Bytes, Is.EqualTo(1_150_000_000));
    }
}
