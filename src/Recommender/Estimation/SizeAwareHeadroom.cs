namespace RightSizer.Recommender.Estimation;

/// <summary>
/// Headroom that grows with the square root of the size it protects: <c>scale × √(size in MiB)</c> MiB. The absolute
/// swings of a process's memory grow more slowly than its size, as the spread of a sum of independent allocations grows
/// with the square root of their number (the square-root safety-stock rule). So small containers get a large share
/// (scale 10: +100% at 100Mi) that costs little memory, and large ones a small share (+10% at 10Gi) where every percent
/// is gigabytes. A flat percentage either starves the small or wastes on the large.
/// </summary>
public static class SizeAwareHeadroom
{
    /// <returns>The headroom in bytes for a value of <paramref name="bytes"/>.</returns>
    public static double For(double bytes, double scale)
    {
        if (bytes <= 0 || scale <= 0)
        {
            return 0;
        }

        const double mib = 1024 * 1024;
        return scale * Math.Sqrt(bytes / mib) * mib;
    }
}
