namespace RightSizer.Operator.Runtime;

/// <summary>
/// Exponential backoff with jitter: attempt n waits <c>min(max, initial * 2^n)</c>, stretched by up to
/// <see cref="Jitter"/> of itself so that many watchers or keys failing together do not retry in lock step.
/// The random source is injected so tests can pin it.
/// </summary>
public sealed class Backoff
{
    private readonly Random _random;
    private readonly Lock _lock = new();

    public Backoff(TimeSpan initial, TimeSpan max, double jitter, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        Initial = initial;
        Max = max;
        Jitter = jitter;
        _random = random;
    }

    public TimeSpan Initial { get; }

    public TimeSpan Max { get; }

    /// <summary>The largest share of the delay added at random, e.g. 0.2 for up to +20%.</summary>
    public double Jitter { get; }

    /// <param name="attempt">0 for the first retry.</param>
    public TimeSpan Delay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var exponent = Math.Min(attempt, 30);
        var ticks = Math.Min(Max.Ticks, Initial.Ticks * (double)(1L << exponent));
        double sample;
        lock (_lock)
        {
            sample = _random.NextDouble();
        }

        return TimeSpan.FromTicks((long)(ticks * (1 + (Jitter * sample))));
    }
}
