using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests;

/// <summary>Synthetic usage traces on a 5-minute grid, ending just before <see cref="AsOf"/>.</summary>
internal static class Traces
{
    public const long Interval = 300;
    public const long Day = 86_400;
    public const double MiB = 1024 * 1024;

    /// <summary>The decision time every trace ends at (2026-01-15T00:00:00Z).</summary>
    public static readonly DateTimeOffset AsOf = DateTimeOffset.FromUnixTimeSeconds(1_768_435_200);

    public static long End => AsOf.ToUnixTimeSeconds();

    /// <summary>Samples every 5 minutes over the last <paramref name="days"/> days; value from the age in days.</summary>
    public static Sample[] Generate(double days, Func<double, double> valueAtDay)
    {
        var count = (int)(days * Day / Interval);
        var samples = new Sample[count];
        var start = End - (count * Interval);
        for (var i = 0; i < count; i++)
        {
            var t = start + (i * Interval);
            samples[i] = new Sample(t, valueAtDay((double)(t - start) / Day));
        }

        return samples;
    }

    public static Sample[] Constant(double mib, double days = 14) => Generate(days, _ => mib * MiB);

    public static Sample[] DailyCycle(double mib, double amplitudeMib, double days = 14) =>
        Generate(days, d => (mib + (amplitudeMib * Math.Sin(2 * Math.PI * d))) * MiB);

    public static Sample[] Leak(double startMib, double mibPerDay, double days = 14) =>
        Generate(days, d => (startMib + (mibPerDay * d)) * MiB);

    /// <summary>A deterministic wobble of ±2% so regressions see noise, not a perfect line.</summary>
    public static Sample[] Noisy(Sample[] samples) =>
        [.. samples.Select((s, i) => s with { Value = s.Value * (1 + (0.02 * Math.Sin(i * 12.9898))) })];

    public static Sample[] WithSpike(Sample[] samples, double atDay, double mib)
    {
        var copy = (Sample[])samples.Clone();
        var index = (int)(atDay * Day / Interval);
        copy[index] = copy[index] with { Value = mib * MiB };
        return copy;
    }

    public static Sample[] Step(double beforeMib, double afterMib, double stepDay, double days = 14) =>
        Generate(days, d => (d < stepDay ? beforeMib : afterMib) * MiB);

    /// <summary>Drops every other hour of samples.</summary>
    public static Sample[] WithGaps(Sample[] samples) =>
        [.. samples.Where(s => (s.Timestamp / 3600) % 2 == 0)];

    /// <summary>Each sample repeated <paramref name="replicas"/> times, the i-th replica scaled by (1 + i/10).</summary>
    public static Sample[] Replicas(Sample[] samples, int replicas) =>
        [.. samples.SelectMany(s => Enumerable.Range(0, replicas).Select(r => s with { Value = s.Value * (1 + (r / 10.0)) }))];

    public static ContainerHistory History(Sample[] samples) => new(SeriesKey.FromId("shop/Deployment/web/app"), samples);
}
