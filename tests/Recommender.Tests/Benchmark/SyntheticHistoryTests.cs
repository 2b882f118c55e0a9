using RightSizer.Recommender.Benchmark;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Benchmark;

public sealed class SyntheticHistoryTests
{
    private const long End = 1_767_225_600;

    [Test]
    public void Fill_SameSeedAndIndex_SameSamples()
    {
        var first = new Sample[SyntheticHistory.SamplesPerContainer(14)];
        var second = new Sample[first.Length];

        var count = SyntheticHistory.Fill(7, 42, End, first);

        Assert.Multiple(() =>
        {
            Assert.That(SyntheticHistory.Fill(7, 42, End, second), Is.EqualTo(count));
            Assert.That(second, Is.EqualTo(first));
        });
    }

    [Test]
    public void Fill_OtherIndex_OtherContainer()
    {
        var first = new Sample[SyntheticHistory.SamplesPerContainer(14)];
        var second = new Sample[first.Length];
        SyntheticHistory.Fill(1, 42, End, first);
        SyntheticHistory.Fill(2, 42, End, second);

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void Fill_ManyContainers_SortedFiveMinuteSamplesEndingAtEndWithSomeGaps()
    {
        var buffer = new Sample[SyntheticHistory.SamplesPerContainer(14)];
        var gapped = 0;
        for (var index = 0; index < 200; index++)
        {
            var count = SyntheticHistory.Fill(index, 1, End, buffer);
            var samples = buffer.AsSpan(0, count);
            gapped += count < buffer.Length ? 1 : 0;
            for (var i = 1; i < samples.Length; i++)
            {
                Assert.That(samples[i].Timestamp - samples[i - 1].Timestamp, Is.GreaterThanOrEqualTo(300).And.Matches<long>(g => g % 300 == 0));
            }

            Assert.That(samples[^1].Timestamp, Is.LessThan(End));
            Assert.That(samples.ToArray().Min(s => s.Value), Is.GreaterThan(0));
        }

        Assert.That(gapped, Is.InRange(10, 80), "about a fifth of the containers have a gap");
    }

    [Test]
    public void Fill_FourteenDays_FourThousandThirtyTwoSlots() =>
        Assert.That(SyntheticHistory.SamplesPerContainer(14), Is.EqualTo(4032));
}
