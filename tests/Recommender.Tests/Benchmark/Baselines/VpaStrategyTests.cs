using RightSizer.Recommender.Benchmark.Baselines;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Benchmark.Baselines;

public sealed class VpaStrategyTests
{
    private const long Day = 86_400;
    private static readonly DateTimeOffset Decision = DateTimeOffset.FromUnixTimeSeconds(100 * Day);

    /// <summary>One sample per hour; <paramref name="peakOfDay"/>(d) is day d's peak, d = 0 the day before the decision.</summary>
    private static ContainerHistory Days(int days, Func<int, double> peakOfDay) =>
        new(new SeriesKey("x"), Enumerable.Range(0, days * 24)
            .Select(h => (Hour: h, Day: days - 1 - (h / 24)))
            .Select(x => new Sample(Decision.ToUnixTimeSeconds() - (days * Day) + (x.Hour * 3600), x.Hour % 24 == 12 ? peakOfDay(x.Day) : 1e6))
            .ToArray());

    // Peaks: 1 GB yesterday, 100 MB on the seven days before. Weights halve per day back: 1/2 for yesterday, the other
    // seven sum to 1/2 − 1/256. p90 needs 0.9 × (1 − 1/256) = 0.8965 of the weight, so it lands in 1 GB's bucket:
    // floor(ln(1e9 × 0.05 / 1e7 + 1) / ln 1.05) = 36, whose end is 1e7 × (1.05^37 − 1) / 0.05. Target = 1.15 × that.
    [Test]
    public void Propose_RecentPeak_P90InItsBucketPlusFifteenPercent()
    {
        var proposal = new VpaStrategy().Propose(Days(8, d => d == 0 ? 1e9 : 1e8), Decision)!;

        var expected = 1.15 * 1e7 * (Math.Pow(1.05, 37) - 1) / 0.05;
        Assert.Multiple(() =>
        {
            Assert.That(proposal.Request.Bytes, Is.EqualTo(expected).Within(1));
            Assert.That(proposal.Limit, Is.EqualTo(proposal.Request));
        });
    }

    // The 1 GB peak is 8 days back and weighs 1/256: p90 stays in 100 MB's bucket (8, ending at 1.1027e8);
    // 1.15 × 1.1027e8 = 126.8 MB is below the 250 MiB minimum.
    [Test]
    public void Propose_OldPeak_DecaysAwayToMinimum() =>
        Assert.That(new VpaStrategy().Propose(Days(8, d => d == 7 ? 1e9 : 1e8), Decision)!.Request.Bytes, Is.EqualTo(250L * 1024 * 1024));

    // A 50 GB peak 9 days back is outside the 8 days the VPA keeps.
    [Test]
    public void Propose_PeakBeyondEightDays_Ignored()
    {
        var withOld = Days(10, d => d == 9 ? 5e10 : d == 0 ? 1e9 : 1e8);
        var without = Days(8, d => d == 0 ? 1e9 : 1e8);

        Assert.That(new VpaStrategy().Propose(withOld, Decision)!.Request, Is.EqualTo(new VpaStrategy().Propose(without, Decision)!.Request));
    }

    [Test]
    public void Propose_NoHistory_Nothing() =>
        Assert.That(new VpaStrategy().Propose(new ContainerHistory(new SeriesKey("x"), Array.Empty<Sample>()), Decision), Is.Null);

    // Bucket 0 is [0, 1e7); bucket 1 starts at 1e7, bucket 2 at 1e7 × 2.05.
    [TestCase(5e6, 0)]
    [TestCase(1e7, 1)]
    [TestCase(2.1e7, 2)]
    [TestCase(1e9, 36)]
    public void BucketOf_Value_ExponentialBucket(double value, int bucket) =>
        Assert.That(VpaHistogram.BucketOf(value), Is.EqualTo(bucket));
}
