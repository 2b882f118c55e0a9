using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// The peak of each 24-hour period counted back from the decision time. Daily peaks cancel a daily cycle, which would
/// otherwise pass for growth or noise in a regression over raw samples.
/// </summary>
public static class DailyPeaks
{
    private const long Day = 86_400;

    /// <summary>The number of 24-hour periods the samples touch.</summary>
    public static int DayCount(ReadOnlySpan<Sample> samples, long asOf) =>
        samples.Length == 0 ? 0 : (int)((asOf - 1 - samples[0].Timestamp) / Day) + 1;

    /// <summary>
    /// Writes the peak of day <c>i</c> (0 = the 24 hours before <paramref name="asOf"/>) into <c>peaks[i]</c>, or NaN for
    /// a day without samples.
    /// </summary>
    public static void Compute(ReadOnlySpan<Sample> samples, long asOf, Span<double> peaks)
    {
        peaks.Fill(double.NaN);
        foreach (var sample in samples)
        {
            var day = (int)((asOf - 1 - sample.Timestamp) / Day);
            if ((uint)day < (uint)peaks.Length && !(peaks[day] >= sample.Value))
            {
                peaks[day] = sample.Value;
            }
        }
    }
}
