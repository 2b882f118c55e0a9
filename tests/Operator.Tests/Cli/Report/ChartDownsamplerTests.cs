using RightSizer.Operator.Cli.Report;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Tests.Cli.Report;

public sealed class ChartDownsamplerTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(new[] { 1.0, 5, 2, 8, 3, 4 }, 3, new[] { (1.0, 5.0), (2.0, 8.0), (3.0, 4.0) })
            .SetName("Downsample_TwoSamplesPerBucket_KeepsMinAndMax");
        yield return new TestCaseData(new[] { 1.0, 9, 1, 1, 1, 1, 1, 1 }, 2, new[] { (1.0, 9.0), (1.0, 1.0) })
            .SetName("Downsample_OneSpike_SpikeSurvives");
        yield return new TestCaseData(new[] { 4.0, 6 }, 10, new[] { (4.0, 4.0), (6.0, 6.0) })
            .SetName("Downsample_FewerSamplesThanBuckets_OnePointPerSample");
        yield return new TestCaseData(Array.Empty<double>(), 4, Array.Empty<(double, double)>())
            .SetName("Downsample_NoSamples_NoPoints");
    }

    [TestCaseSource(nameof(Cases))]
    public void Downsample_Table(double[] values, int buckets, (double Min, double Max)[] expected)
    {
        var samples = values.Select((v, i) => new Sample(1000 + (i * 60), v)).ToArray();

        var points = ChartDownsampler.Downsample(samples, 1000, 1000 + (values.Length * 60), buckets);

        Assert.That(points.Select(p => (p.Min, p.Max)), Is.EqualTo(expected));
    }

    [Test]
    public void Downsample_SamplesOutsideWindow_Ignored()
    {
        Sample[] samples = [new(10, 100), new(1000, 1), new(1060, 2), new(5000, 100)];

        var points = ChartDownsampler.Downsample(samples, 1000, 1120, 1);

        Assert.That(points.Select(p => (p.Min, p.Max)), Is.EqualTo(new[] { (1.0, 2.0) }));
    }
}
