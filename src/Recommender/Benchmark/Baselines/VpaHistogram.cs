namespace RightSizer.Recommender.Benchmark.Baselines;

/// <summary>
/// The VPA's exponential histogram for memory (kubernetes/autoscaler vertical-pod-autoscaler/pkg/recommender/util/
/// histogram.go and histogram_options.go): bucket i starts at first × (1.05^i − 1) / 0.05, the first bucket is 1e7
/// bytes wide, the largest value is 1e12 bytes, and a percentile is answered with the end of the bucket it falls in.
/// </summary>
public sealed class VpaHistogram
{
    public const double FirstBucketSize = 1e7;
    public const double Growth = 0.05;
    public const double MaxValue = 1e12;

    private static readonly int BucketCount = BucketOf(MaxValue) + 1;

    private readonly double[] _weights = new double[BucketCount];
    private double _total;

    public bool IsEmpty => _total <= 0;

    public static double BucketStart(int bucket) => FirstBucketSize * (Math.Pow(1 + Growth, bucket) - 1) / Growth;

    public static int BucketOf(double value) =>
        value < FirstBucketSize ? 0 : (int)Math.Floor(Math.Log((value * Growth / FirstBucketSize) + 1) / Math.Log(1 + Growth));

    public void Add(double value, double weight)
    {
        _weights[Math.Min(BucketOf(value), BucketCount - 1)] += weight;
        _total += weight;
    }

    /// <param name="percentile">In [0, 1].</param>
    public double Percentile(double percentile)
    {
        var threshold = percentile * _total;
        var sum = 0.0;
        for (var bucket = 0; bucket < BucketCount; bucket++)
        {
            sum += _weights[bucket];
            if (sum >= threshold && _weights[bucket] > 0)
            {
                return BucketStart(bucket + 1);
            }
        }

        return BucketStart(BucketCount);
    }
}
