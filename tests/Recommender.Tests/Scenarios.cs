using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Tests;

/// <summary>
/// One generator per workload behaviour, on a 5-minute grid ending at <see cref="Traces.AsOf"/> (a Thursday), each
/// deterministic from its seed: the synthetic scenario suite of docs/benchmarks.md.
/// </summary>
internal static class Scenarios
{
    private const double MiB = Traces.MiB;

    /// <summary>Samples over the last <paramref name="days"/> days and <paramref name="extraDays"/> past the decision time; null values are absent.</summary>
    private static Sample[] Make(double days, int seed, Func<double, Random, double?> mibAtDay, double extraDays = 0)
    {
        var random = new Random(seed);
        var count = (int)((days + extraDays) * Traces.Day / Traces.Interval);
        var start = Traces.End - (long)(days * Traces.Day);
        var samples = new List<Sample>(count);
        for (var i = 0; i < count; i++)
        {
            var t = start + (i * Traces.Interval);
            if (mibAtDay((double)(t - start) / Traces.Day, random) is { } mib)
            {
                samples.Add(new Sample(t, mib * MiB));
            }
        }

        return [.. samples];
    }

    private static double Noise(Random random, double share) => 1 + (share * ((random.NextDouble() * 2) - 1));

    /// <summary>Grows by <paramref name="ratePerDay"/> a day from hour 0, ±1%; <paramref name="futureDays"/> continue past the decision time.</summary>
    public static Sample[] YoungGrowing(double ratePerDay, double days, int seed, double futureDays = 0) =>
        Make(days, seed, (d, r) => 200 * Math.Pow(1 + ratePerDay, d) * Noise(r, 0.01), futureDays);

    /// <summary>A leak of 5 MiB a day over weeks on 300 MiB, ±2%.</summary>
    public static Sample[] SlowLeak(double days, int seed) => Make(days, seed, (d, r) => (300 + (5 * d)) * Noise(r, 0.02));

    /// <summary>A batch job that runs from 02:00 to 04:00 every day at about 500 MiB and is absent otherwise.</summary>
    public static Sample[] DailyBatch(double days, int seed) =>
        Make(days, seed, (d, r) => (d % 1) is >= 2 / 24.0 and < 4 / 24.0 ? 500 * Noise(r, 0.05) : null);

    /// <summary>300 MiB until a deploy <paramref name="stepDay"/> days in, 600 MiB after, ±2%.</summary>
    public static Sample[] StepAfterDeploy(double days, double stepDay, int seed) =>
        Make(days, seed, (d, r) => (d < stepDay ? 300 : 600) * Noise(r, 0.02));

    /// <summary>A flat small service of 30 to 60 MiB, ±2%.</summary>
    public static Sample[] FlatSmall(double days, int seed) =>
        Make(days, seed, (_, r) => (30 + (seed % 31)) * Noise(r, 0.02));

    /// <summary>A JVM-like sawtooth: the heap fills from 400 to 800 MiB over two hours, then a full GC drops it.</summary>
    public static Sample[] JvmSawtooth(double days, int seed, double futureDays = 0) =>
        Make(days, seed, (d, r) => (400 + (400 * ((d * 12) % 1))) * Noise(r, 0.01), futureDays);

    /// <summary>500 MiB with Pareto-tailed spikes (index 1.5) on one sample in 500.</summary>
    public static Sample[] HeavyTailedSpikes(double days, int seed) =>
        Make(days, seed, (_, r) => 500 * (r.NextDouble() < 0.002 ? Math.Min(8, Math.Pow(1 - r.NextDouble(), -1 / 1.5)) : Noise(r, 0.02)));

    /// <summary>500 MiB on weekdays, 800 MiB at weekends (UTC), ±2%.</summary>
    public static Sample[] WeeklyCycle(double days, int seed) =>
        Make(days, seed, (d, r) => (Recommender.Estimation.WeeklyDayClass.IsWeekend(Traces.End - (long)((days - d) * Traces.Day)) ? 800 : 500) * Noise(r, 0.02));

    /// <summary>A daily cycle of 500 ± 150 MiB, ±1%.</summary>
    public static Sample[] DailyCycle(double days, int seed) =>
        Make(days, seed, (d, r) => (500 + (150 * Math.Sin(2 * Math.PI * d))) * Noise(r, 0.01));

    /// <summary>A task that ran at 20 MiB, stopped, and restarted <paramref name="restartDay"/> days in at 30 times that.</summary>
    public static Sample[] RestartAfterGap(double days, double restartDay, int seed) =>
        Make(days, seed, (d, r) => d < restartDay - 2 ? 20 * Noise(r, 0.02) : d < restartDay ? null : 600 * Noise(r, 0.02));

    /// <summary>A service whose daily peak wanders (log-normal, σ 0.1) around 400 MiB; <paramref name="rolloutDay"/> doubles it.</summary>
    public static Sample[] Wandering(double days, int seed, double rolloutDay = double.PositiveInfinity)
    {
        var dayLevels = new Random(seed + 7919);
        var levels = Enumerable.Range(0, (int)Math.Ceiling(days) + 1).Select(_ => Math.Exp(0.1 * Gaussian(dayLevels))).ToArray();
        return Make(days, seed, (d, r) => 400 * levels[(int)d] * (d >= rolloutDay ? 2 : 1) * Noise(r, 0.02));
    }

    public static ContainerHistory History(string id, Sample[] samples) => new(new SeriesKey(id), samples);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
