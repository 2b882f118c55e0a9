using RightSizer.Api.Units;
using static System.FormattableString;

namespace RightSizer.Api.V1alpha1;

/// <summary>
/// Every range of the MemoryPolicy API in one place: the CRD schema's attributes, the validation rules and the CLI
/// read these, so the API server, the webhook and <c>rightsizer</c> accept and refuse the same values.
/// </summary>
public static class MemoryPolicyLimits
{
    /// <summary>Percentiles are in (0, 100]: 0 is excluded, 100 is the peak.</summary>
    public const double PercentileMin = 0;
    public const double PercentileMax = 100;

    /// <summary>Margins are fractions in [0, 10]: up to ten times the estimate on top.</summary>
    public const double MarginMin = 0;
    public const double MarginMax = 10;

    /// <summary>
    /// Risks (oomRisk, overRequestRisk) are shares in (0, 0.5]: a risk of 0 asks for infinite headroom, and above one
    /// half the value would sit below the median.
    /// </summary>
    public const double RiskMin = 0;
    public const double RiskMax = 0.5;

    /// <summary>heapHeadroom is the share of the limit left outside the heap, in [0, 0.9].</summary>
    public const double HeapHeadroomMin = 0;
    public const double HeapHeadroomMax = 0.9;

    /// <summary>minChange is a share of the current value, in [0, 1].</summary>
    public const double MinChangeMin = 0;
    public const double MinChangeMax = 1;

    /// <summary>Confidence is in [0, 1].</summary>
    public const double ConfidenceMin = 0;
    public const double ConfidenceMax = 1;

    /// <summary>At least one sample is needed to recommend anything.</summary>
    public const int MinSamplesMin = 1;

    /// <summary>The shortest history window, in Prometheus notation: shorter ones see less than a few scrapes.</summary>
    public const string MinHistoryWindow = "1h";

    /// <summary><see cref="MinHistoryWindow"/> as a span.</summary>
    public static TimeSpan MinHistoryWindowSpan { get; } = PromDuration.Parse(MinHistoryWindow);

    /// <summary>The percentile range as messages write it: <c>(0, 100]</c>.</summary>
    public static string PercentileRange { get; } = Invariant($"({PercentileMin}, {PercentileMax}]");

    /// <summary>The risk range as messages write it: <c>(0, 0.5]</c>.</summary>
    public static string RiskRange { get; } = Invariant($"({RiskMin}, {RiskMax}]");

    /// <summary>Whether a risk is in (<see cref="RiskMin"/>, <see cref="RiskMax"/>].</summary>
    public static bool IsRisk(double value) => value is > RiskMin and <= RiskMax;

    /// <summary>The margin range as messages write it: <c>[0, 10]</c>.</summary>
    public static string MarginRange { get; } = Invariant($"[{MarginMin}, {MarginMax}]");

    /// <summary>The heapHeadroom range as messages write it: <c>[0, 0.9]</c>.</summary>
    public static string HeapHeadroomRange { get; } = Invariant($"[{HeapHeadroomMin}, {HeapHeadroomMax}]");

    /// <summary>The minChange range as messages write it: <c>[0, 1]</c>.</summary>
    public static string MinChangeRange { get; } = Invariant($"[{MinChangeMin}, {MinChangeMax}]");

    /// <summary>Whether a percentile is in (<see cref="PercentileMin"/>, <see cref="PercentileMax"/>].</summary>
    public static bool IsPercentile(double value) => value is > PercentileMin and <= PercentileMax;

    /// <summary>Whether a margin is in [<see cref="MarginMin"/>, <see cref="MarginMax"/>].</summary>
    public static bool IsMargin(double value) => value is >= MarginMin and <= MarginMax;

    /// <summary>Whether a heapHeadroom is in [<see cref="HeapHeadroomMin"/>, <see cref="HeapHeadroomMax"/>].</summary>
    public static bool IsHeapHeadroom(double value) => value is >= HeapHeadroomMin and <= HeapHeadroomMax;
}
