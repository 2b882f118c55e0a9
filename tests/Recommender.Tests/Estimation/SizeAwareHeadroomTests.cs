using RightSizer.Recommender.Estimation;

namespace RightSizer.Recommender.Tests.Estimation;

public sealed class SizeAwareHeadroomTests
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(100.0, 10.0, 100.0).SetName("For_100MiScale10_DoublesIt"),
        new TestCaseData(10240.0, 10.0, 1011.93).SetName("For_10GiScale10_AboutTenPercent"),
        new TestCaseData(400.0, 2.0, 40.0).SetName("For_400MiScale2_TenPercent"),
        new TestCaseData(0.0, 10.0, 0.0).SetName("For_Zero_None"),
        new TestCaseData(500.0, 0.0, 0.0).SetName("For_ScaleZero_None"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void For_Table(double mib, double scale, double expectedMib) =>
        Assert.That(SizeAwareHeadroom.For(mib * Traces.MiB, scale) / Traces.MiB, Is.EqualTo(expectedMib).Within(0.01));
}
