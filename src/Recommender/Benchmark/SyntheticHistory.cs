using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Benchmark;

/// <summary>
/// Deterministic synthetic containers for scale tests: 5-minute samples with a size drawn log-uniformly from 32Mi to
/// 8Gi, a daily cycle, noise, and for some containers a leak, spikes, a step change or a gap. Written into a
/// caller's buffer one container at a time, so ten thousand containers never sit in memory at once.
/// </summary>
public static class SyntheticHistory
{
    public const long Interval = 300;

    private const double MiB = 1024 * 1024;

    /// <summary>Samples per container for <paramref name="days"/> days.</summary>
    public static int SamplesPerContainer(int days) => (int)(days * 86_400L / Interval);

    /// <summary>Writes container <paramref name="index"/>'s samples ending at <paramref name="end"/>.</summary>
    /// <returns>The number of samples written (gaps leave some out).</returns>
    public static int Fill(int index, int seed, long end, Span<Sample> buffer)
    {
        // Not HashCode.Combine: its seed changes per process, and a run must be repeatable across processes.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var size = Math.Exp(Math.Log(32 * MiB) + (random.NextDouble() * Math.Log(8 * 1024 / 32.0)));
        var cycle = size * 0.3 * random.NextDouble();
        var leakPerDay = random.NextDouble() < 0.3 ? size * (0.005 + (0.045 * random.NextDouble())) : 0;
        var spikeChance = random.NextDouble() < 0.2 ? 0.001 : 0;
        var stepAt = random.NextDouble() < 0.15 ? random.NextDouble() : double.NaN;
        var stepFactor = 0.5 + (1.5 * random.NextDouble());
        var gapStart = random.NextDouble() < 0.2 ? random.NextDouble() : double.NaN;
        var gapLength = (1 + (11 * random.NextDouble())) * 3600 / Interval / buffer.Length;
        var phase = random.NextDouble() * 2 * Math.PI;

        var start = end - (buffer.Length * Interval);
        var count = 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            var position = (double)i / buffer.Length;
            if (position >= gapStart && position < gapStart + gapLength)
            {
                continue;
            }

            var days = i * Interval / 86_400.0;
            var value = size + (cycle * Math.Sin((2 * Math.PI * days) + phase)) + (leakPerDay * days);
            if (position >= stepAt)
            {
                value *= stepFactor;
            }

            value *= 1 + (0.03 * ((random.NextDouble() * 2) - 1));
            if (random.NextDouble() < spikeChance)
            {
                value *= 1.5 + (1.5 * random.NextDouble());
            }

            buffer[count++] = new Sample(start + (i * Interval), Math.Max(value, MiB));
        }

        return count;
    }
}
