namespace RightSizer.Recommender.Calibration;

/// <summary>
/// A weighted histogram of nonconformity scores on an asinh axis (fine near zero, logarithmic in the tails, signed),
/// so millions of per-sample scores cost a fixed 32 KB and histograms from different threads merge by addition.
/// Bins are 0.005 wide in asinh(score): a quantile is resolved to 0.5% of its value above |score| = 1.
/// </summary>
public sealed class ScoreHistogram
{
    private const double BinWidth = 0.005;
    private const double Range = 10; // asinh(±11,000): scores beyond fall into the end bins.
    private const int Bins = (int)(2 * Range / BinWidth);

    private readonly double[] _weights = new double[Bins];

    public double TotalWeight { get; private set; }

    /// <summary>Σ weight², for the effective number of scores (Kish) when weights decay with age.</summary>
    public double SquaredWeight { get; private set; }

    public void Add(double score, double weight)
    {
        var bin = (int)((Math.Asinh(score) + Range) / BinWidth);
        _weights[Math.Clamp(bin, 0, Bins - 1)] += weight;
        TotalWeight += weight;
        SquaredWeight += weight * weight;
    }

    public void Add(ScoreHistogram other) => Add(other, 1);

    /// <summary>Adds another histogram's scores with their weights times <paramref name="factor"/> (a day's age weight).</summary>
    public void Add(ScoreHistogram other, double factor)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < Bins; i++)
        {
            _weights[i] += factor * other._weights[i];
        }

        TotalWeight += factor * other.TotalWeight;
        SquaredWeight += factor * factor * other.SquaredWeight;
    }

    /// <summary>
    /// The weighted split-conformal quantile: the smallest score s with Σ_{score ≤ s} w ≥ level × (Σ w + testWeight),
    /// the test point counting as an unseen score at +∞ (Tibshirani et al. 2019; Barber et al. 2023). Null when the
    /// scores are too few for the level, which is the honest answer for a 1% tail out of 50 container-days.
    /// </summary>
    public double? ConformalQuantile(double level, double testWeight)
    {
        var target = level * (TotalWeight + testWeight);
        if (target > TotalWeight)
        {
            return null;
        }

        var cumulative = 0.0;
        for (var i = 0; i < Bins; i++)
        {
            cumulative += _weights[i];
            if (cumulative >= target && _weights[i] > 0)
            {
                return Math.Sinh(((i + 1) * BinWidth) - Range);
            }
        }

        return Math.Sinh(Range);
    }
}
