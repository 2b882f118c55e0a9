using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Estimation;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests.Calibration;

public sealed class RequestBacktestTests
{
    private const long Day = 86_400;

    // Scrape steps: regular, irregular (60 s to 15 min), and irregular with a 6-hour gap on the third day.
    private static readonly TestCaseData[] Histories =
    [
        new TestCaseData(300, 300, false).SetName("Compute_RegularSteps_BaseIsTheDecayedPercentileBeforeTheDay"),
        new TestCaseData(60, 900, false).SetName("Compute_IrregularSteps_BaseIsTheDecayedPercentileBeforeTheDay"),
        new TestCaseData(60, 900, true).SetName("Compute_IrregularStepsWithAGap_BaseIsTheDecayedPercentileBeforeTheDay"),
    ];

    [TestCaseSource(nameof(Histories))]
    public void Compute_History_BaseWithinOneBinAboveTheExactPercentile(int minStep, int maxStep, bool gap)
    {
        var random = new Random(7);
        var asOf = 1_800_000_000L;
        var samples = new List<Sample>();
        for (var t = asOf - (6 * Day); t < asOf; t += random.Next(minStep, maxStep + 1))
        {
            if (gap && t > asOf - (3 * Day) - (6 * 3600) && t < asOf - (3 * Day))
            {
                continue;
            }

            samples.Add(new Sample(t, (100 + (400 * random.NextDouble())) * 1024 * 1024));
        }

        var usage = samples.ToArray();
        var scores = new double[usage.Length];
        var days = new byte[usage.Length];
        var halfLife = TimeSpan.FromHours(24);

        var count = RequestBacktest.Compute(usage, asOf, halfLife, 90, 0, scores, days);

        // The histogram has 512 bins over the container's range, and the base is the upper edge of its bin.
        var resolution = (usage.Max(s => s.Value) - usage.Min(s => s.Value)) / 512;
        for (var day = 1; day <= CalibrationConstants.RequestDays; day++)
        {
            var cutoff = asOf - (day * Day);
            var exact = DecayedPercentile.Estimate(usage.Where(s => s.Timestamp < cutoff).ToArray(), asOf, halfLife, 90);
            var basis = Basis(usage, scores, days, count, day);
            Assert.That(basis, Is.InRange(exact - 1, exact + resolution + 1), $"day {day}: exact {exact:0}, resolution {resolution:0}");
        }
    }

    // The base of a day from two of its scores: score = (usage − base) / unit(base), so unit = Δusage / Δscore. The
    // scores are those of the last samples, in order.
    private static double Basis(Sample[] usage, double[] scores, byte[] days, int count, int day)
    {
        var first = usage.Length - count;
        var ofDay = Enumerable.Range(0, count).Where(i => days[i] == day).ToList();
        var low = ofDay.MinBy(i => usage[first + i].Value);
        var high = ofDay.MaxBy(i => usage[first + i].Value);
        var unit = (usage[first + high].Value - usage[first + low].Value) / (scores[high] - scores[low]);
        return usage[first + low].Value - (scores[low] * unit);
    }
}
