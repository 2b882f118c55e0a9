using RightSizer.Recommender.Calibration;

namespace RightSizer.Recommender.Tests.Calibration;

public sealed class ScoreHistogramTests
{
    private static ScoreHistogram OneTo(int n)
    {
        var histogram = new ScoreHistogram();
        for (var i = 1; i <= n; i++)
        {
            histogram.Add(i, 1);
        }

        return histogram;
    }

    // Split conformal: the ⌈(n + 1)(1 − α)⌉-th smallest score, within the 0.5% bin resolution.
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(99, 0.99, (double?)99).SetName("ConformalQuantile_NinetyNineScoresAt99Percent_TheLargest"),
        new TestCaseData(199, 0.99, (double?)198).SetName("ConformalQuantile_199ScoresAt99Percent_TheSecondLargest"),
        new TestCaseData(19, 0.95, (double?)19).SetName("ConformalQuantile_NineteenScoresAt95Percent_TheLargest"),
        new TestCaseData(50, 0.99, null).SetName("ConformalQuantile_FiftyScoresAt99Percent_TooFew"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void ConformalQuantile_Table(int n, double level, double? expected)
    {
        var quantile = OneTo(n).ConformalQuantile(level, testWeight: 1);

        if (expected is null)
        {
            Assert.That(quantile, Is.Null);
        }
        else
        {
            Assert.That(quantile, Is.EqualTo(expected.Value).Within(0.5).Percent);
        }
    }
}
