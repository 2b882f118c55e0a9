using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli.Output;

/// <summary>
/// The stable output contract of <c>rightsizer recommend</c> (JSON, YAML and CSV share it; docs/cli.md documents it).
/// Add fields, never rename or remove them.
/// </summary>
public sealed record RecommendationReport(DateTimeOffset GeneratedAt, DateTimeOffset AsOf, IReadOnlyList<RecommendationRow> Recommendations)
{
    public static RecommendationReport From(DateTimeOffset generatedAt, DateTimeOffset asOf, IEnumerable<Recommendation> recommendations) =>
        new(generatedAt, asOf, [.. recommendations.Select(RecommendationRow.From)]);
}

/// <summary>One container's recommendation; the value fields are null when there was too little history.</summary>
public sealed record RecommendationRow(
    string Series,
    string? Namespace,
    string? WorkloadKind,
    string? WorkloadName,
    string? Container,
    long? RequestBytes,
    long? LimitBytes,
    string? Request,
    string? Limit,
    QosClass? QosClass,
    double Confidence,
    int Samples,
    string WindowCovered,
    TrendRow? Trend,
    HeapRow? Heap,
    int OomKills,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ReasonCode> ReasonCodes)
{
    /// <summary>The request's calibrated headroom (scale, over-request risk, evidence); null without a fleet calibration.</summary>
    public CalibrationRow? RequestCalibration { get; init; }

    /// <summary>The limit's calibrated headroom (scale, OOM risk, evidence); null without a fleet calibration.</summary>
    public CalibrationRow? LimitCalibration { get; init; }

    public static RecommendationRow From(Recommendation r) => new(
        r.Series.Id,
        r.Series.Namespace,
        r.Series.WorkloadKind,
        r.Series.WorkloadName,
        r.Series.Container,
        r.Request?.Bytes,
        r.Limit?.Bytes,
        r.Request?.ToQuantity(),
        r.Limit?.ToQuantity(),
        r.QosClass,
        r.Confidence,
        r.Samples,
        PromDuration.Format(r.WindowCovered),
        r.Trend is { } t ? new TrendRow(Math.Round(t.SlopeBytesPerDay), t.Significant, t.ProjectedPeak.Bytes, PromDuration.Format(t.Horizon)) : null,
        r.Heap is { } h ? new HeapRow(h.Runtime.ToString(), h.MaxHeap.Bytes, h.Env, h.Notes) : null,
        r.OomKills,
        [.. r.Reasons.Select(reason => reason.Text)],
        [.. r.Reasons.Select(reason => reason.Code)])
    {
        RequestCalibration = CalibrationRow.From(r.RequestCalibration),
        LimitCalibration = CalibrationRow.From(r.LimitCalibration),
    };
}

/// <summary>A calibrated headroom: the container's scale, the risk it targets, and the fleet evidence behind it.</summary>
public sealed record CalibrationRow(double Scale, double TargetRisk, double FleetScale, double SpreadRatio, double ContainerDays, double DataWeight)
{
    public static CalibrationRow? From(Recommender.Calibration.AppliedCalibration? c) =>
        c is null ? null : new CalibrationRow(
            Math.Round(c.Scale, 3), c.TargetRisk, Math.Round(c.FleetScale, 3), Math.Round(c.SpreadRatio, 3), Math.Round(c.ContainerDays, 1), Math.Round(c.DataWeight, 3));
}

/// <summary>The growth trend: slope per day, whether it is significant, and the peak it projects at the horizon.</summary>
public sealed record TrendRow(double SlopeBytesPerDay, bool Significant, long ProjectedPeakBytes, string Horizon);

/// <summary>Heap settings for a JVM or .NET container.</summary>
public sealed record HeapRow(string Runtime, long MaxHeapBytes, IReadOnlyDictionary<string, string> Env, IReadOnlyList<string> Notes);
