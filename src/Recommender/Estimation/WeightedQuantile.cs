namespace RightSizer.Recommender.Estimation;

/// <summary>The weighted quantile of a set of values: the smallest value whose cumulative weight reaches the share.</summary>
public static class WeightedQuantile
{
    /// <summary>
    /// Sorts <paramref name="values"/> (and <paramref name="weights"/> with them) in place and returns the value at which
    /// the cumulative weight first reaches <paramref name="percentile"/>% of the total. Allocates nothing.
    /// </summary>
    /// <param name="percentile">In (0, 100].</param>
    public static double Compute(Span<double> values, Span<double> weights, double percentile)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("At least one value is needed.", nameof(values));
        }

        if (values.Length != weights.Length)
        {
            throw new ArgumentException("Values and weights differ in length.", nameof(weights));
        }

        if (percentile is <= 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "Must be in (0, 100].");
        }

        values.Sort(weights);

        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var target = total * percentile / 100;
        var cumulative = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative >= target)
            {
                return values[i];
            }
        }

        // Rounding can leave the sum a hair below the target at percentile 100.
        return values[^1];
    }
}
