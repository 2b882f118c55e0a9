using RightSizer.Recommender.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

public sealed class RangeChunkerTests
{
    private const long Step = 300;

    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(0L, 14 * 86_400L, 11_000, 1).SetName("Split_FourteenDaysAtFiveMinutes_OneRequest"),
        new TestCaseData(0L, 60 * 86_400L, 11_000, 2).SetName("Split_SixtyDaysAtFiveMinutes_TwoRequests"),
        new TestCaseData(0L, 10 * Step, 3, 4).SetName("Split_ElevenStepsThreePerChunk_FourChunks"),
        new TestCaseData(0L, 0L, 11_000, 1).SetName("Split_SingleInstant_OneChunk"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Split_Range_EveryStepOnceAndWithinLimit(long start, long end, int maxPoints, int expectedChunks)
    {
        var chunks = RangeChunker.Split(start, end, Step, maxPoints);

        var steps = chunks.SelectMany(c => Enumerable.Range(0, (int)((c.End - c.Start) / Step) + 1).Select(i => c.Start + (i * Step))).ToList();
        var expectedSteps = Enumerable.Range(0, (int)((end - start) / Step) + 1).Select(i => start + (i * Step));
        Assert.That(chunks, Has.Count.EqualTo(expectedChunks));
        Assert.That(steps, Is.EqualTo(expectedSteps));
        Assert.That(chunks.Select(c => ((c.End - c.Start) / Step) + 1), Has.All.LessThanOrEqualTo(maxPoints));
    }

    [Test]
    public void Split_EndBeforeStart_NoChunks() =>
        Assert.That(RangeChunker.Split(10, 5, Step, 100), Is.Empty);
}
