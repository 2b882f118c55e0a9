using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Estimation;

public sealed class ConfidenceEstimatorTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(14);

    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(Traces.Constant(100), 1.0, 0.01).SetName("Estimate_FullWindowNoGaps_One"),
        new TestCaseData(Traces.Constant(100, 7), 0.5, 0.01).SetName("Estimate_HalfWindow_Half"),
        new TestCaseData(Traces.WithGaps(Traces.Constant(100)), 0.5, 0.02).SetName("Estimate_EveryOtherHourMissing_Half"),
        new TestCaseData(Traces.Replicas(Traces.Constant(100), 3), 1.0, 0.01).SetName("Estimate_ThreeReplicas_CountsTimestampsNotSamples"),
        new TestCaseData(new[] { new Sample(Traces.End - 60, 1) }, 0.0, 0.0).SetName("Estimate_SingleSample_Zero"),
        new TestCaseData(Array.Empty<Sample>(), 0.0, 0.0).SetName("Estimate_NoSamples_Zero"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Estimate_Table(Sample[] samples, double expected, double tolerance) =>
        Assert.That(ConfidenceEstimator.Estimate(samples, Traces.End, Window), Is.EqualTo(expected).Within(tolerance));

    [Test]
    public void Estimate_SeriesThatStoppedDaysAgo_LowerThanCurrentOne()
    {
        var current = Traces.Constant(100, 7);
        var stale = current.Select(s => s with { Timestamp = s.Timestamp - (3 * Traces.Day) }).ToArray();

        Assert.That(
            ConfidenceEstimator.Estimate(stale, Traces.End, Window),
            Is.GreaterThan(ConfidenceEstimator.Estimate(current, Traces.End, Window) - 0.001),
            "a longer span reaching back further counts as more history");
    }
}
