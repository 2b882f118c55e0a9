using RightSizer.Recommender.Estimation;

namespace RightSizer.Recommender.Tests.Estimation;

public sealed class WeightedQuantileTests
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(new double[] { 3, 1, 2 }, new double[] { 1, 1, 1 }, 50.0, 2.0).SetName("Compute_EqualWeightsMedian_MiddleValue"),
        new TestCaseData(new double[] { 3, 1, 2 }, new double[] { 1, 1, 1 }, 100.0, 3.0).SetName("Compute_Percentile100_Maximum"),
        new TestCaseData(new double[] { 3, 1, 2 }, new double[] { 1, 1, 1 }, 1.0, 1.0).SetName("Compute_TinyPercentile_Minimum"),
        new TestCaseData(new double[] { 10, 20 }, new double[] { 1, 9 }, 50.0, 20.0).SetName("Compute_HeavyLargeValue_WinsMedian"),
        new TestCaseData(new double[] { 10, 20 }, new double[] { 9, 1 }, 90.0, 10.0).SetName("Compute_HeavySmallValue_CoversNinety"),
        new TestCaseData(new double[] { 10, 20 }, new double[] { 9, 1 }, 91.0, 20.0).SetName("Compute_JustAboveItsWeight_NextValue"),
        new TestCaseData(new double[] { 5 }, new double[] { 0.001 }, 95.0, 5.0).SetName("Compute_SingleValue_ThatValue"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Compute_Table(double[] values, double[] weights, double percentile, double expected) =>
        Assert.That(WeightedQuantile.Compute(values, weights, percentile), Is.EqualTo(expected));

    [TestCase(0.0)]
    [TestCase(100.5)]
    public void Compute_PercentileOutOfRange_Throws(double percentile) =>
        Assert.That(() => WeightedQuantile.Compute(new double[] { 1 }, new double[] { 1 }, percentile), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void Compute_NoValues_Throws() =>
        Assert.That(() => WeightedQuantile.Compute([], [], 50), Throws.ArgumentException);
}
