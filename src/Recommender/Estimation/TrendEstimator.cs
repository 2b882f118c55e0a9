using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// Fits a growth line through the daily peaks (least squares, MathNet.Numerics), drops days whose residual is an
/// outlier (more than 4 robust standard deviations, from the median absolute deviation) so one spike cannot fake or hide
/// a trend, refits, and tests the slope with a two-sided t-test.
/// </summary>
public static class TrendEstimator
{
    /// <summary>Days with data needed before a slope means anything.</summary>
    public const int MinDays = 4;

    /// <summary>The p-value below which a slope counts as real growth.</summary>
    public const double SignificanceLevel = 0.01;

    private const double OutlierDeviations = 4;

    // Scales the median absolute deviation to a standard deviation for normally distributed residuals.
    private const double MadToSigma = 1.4826;

    /// <returns>The trend, or null when fewer than <see cref="MinDays"/> days have data.</returns>
    public static TrendEstimate? Estimate(ReadOnlySpan<Sample> samples, long asOf, TimeSpan horizon)
    {
        var dayCount = DailyPeaks.DayCount(samples, asOf);
        if (dayCount < MinDays)
        {
            return null;
        }

        Span<double> peaks = dayCount <= 512 ? stackalloc double[dayCount] : new double[dayCount];
        DailyPeaks.Compute(samples, asOf, peaks);

        var days = new List<double>(dayCount);
        var values = new List<double>(dayCount);
        for (var day = dayCount - 1; day >= 0; day--)
        {
            if (!double.IsNaN(peaks[day]))
            {
                days.Add(-day);
                values.Add(peaks[day]);
            }
        }

        if (days.Count < MinDays)
        {
            return null;
        }

        var fit = FitWithoutOutliers(days, values);
        var recentPeak = values[^1];
        var projected = fit.Significant && fit.Slope > 0
            ? recentPeak + (fit.Slope * horizon.TotalDays)
            : recentPeak;
        return new TrendEstimate(fit.Slope, fit.Significant, Memory.FromBytes(projected), horizon);
    }

    private static LineFit FitWithoutOutliers(List<double> days, List<double> values)
    {
        var first = LineFit.Of(days, values);
        var residuals = first.Residuals(days, values);
        var center = residuals.Median();
        var spread = MadToSigma * residuals.Select(r => Math.Abs(r - center)).Median();
        if (spread <= 0)
        {
            return first;
        }

        var keptDays = new List<double>(days.Count);
        var keptValues = new List<double>(values.Count);
        for (var i = 0; i < days.Count; i++)
        {
            if (Math.Abs(residuals[i] - center) <= OutlierDeviations * spread)
            {
                keptDays.Add(days[i]);
                keptValues.Add(values[i]);
            }
        }

        return keptDays.Count == days.Count || keptDays.Count < MinDays ? first : LineFit.Of(keptDays, keptValues);
    }

    private sealed record LineFit(double Intercept, double Slope, bool Significant)
    {
        public static LineFit Of(List<double> days, List<double> values)
        {
            var x = days.ToArray();
            var y = values.ToArray();
            var (intercept, slope) = Fit.Line(x, y);

            var meanX = x.Average();
            var sxx = x.Sum(d => (d - meanX) * (d - meanX));
            var sse = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var residual = y[i] - (intercept + (slope * x[i]));
                sse += residual * residual;
            }

            var degrees = x.Length - 2;
            var standardError = Math.Sqrt(sse / degrees / sxx);
            bool significant;
            if (standardError == 0 || double.IsNaN(standardError))
            {
                // A perfect line: any non-zero slope is certain.
                significant = slope != 0 && sxx > 0;
            }
            else
            {
                var t = Math.Abs(slope / standardError);
                var p = 2 * (1 - StudentT.CDF(0, 1, degrees, t));
                significant = p < SignificanceLevel;
            }

            return new LineFit(intercept, slope, significant);
        }

        public double[] Residuals(List<double> days, List<double> values)
        {
            var residuals = new double[days.Count];
            for (var i = 0; i < residuals.Length; i++)
            {
                residuals[i] = values[i] - (Intercept + (Slope * days[i]));
            }

            return residuals;
        }
    }
}
