using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli.Output;

/// <summary>
/// One container's recommendation next to what it runs with today; the value fields are null when there was too little
/// history, the current ones when the source does not know them (a history file), the changes when either is null.
/// </summary>
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
    IReadOnlyList<ReasonCode> ReasonCodes,
    long? CurrentRequestBytes,
    long? CurrentLimitBytes,
    string? CurrentRequest,
    string? CurrentLimit,
    QosClass? CurrentQosClass,
    long? RequestChangeBytes,
    long? LimitChangeBytes)
{
    /// <summary>The request's calibrated headroom (scale, over-request risk, evidence); null without a fleet calibration.</summary>
    public CalibrationRow? RequestCalibration { get; init; }

    /// <summary>The limit's calibrated headroom (scale, OOM risk, evidence); null without a fleet calibration.</summary>
    public CalibrationRow? LimitCalibration { get; init; }

    public static RecommendationRow From(Recommendation r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var current = r.Current;
        return new(
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
            r.Trend is { } t ? new TrendRow((long)Math.Round(t.SlopeBytesPerDay), t.Significant, t.ProjectedPeak.Bytes, PromDuration.Format(t.Horizon)) : null,
            r.Heap is { } h ? new HeapRow(h.Runtime.ToString(), h.MaxHeap.Bytes, h.Env, h.Notes) : null,
            r.OomKills,
            [.. r.Reasons.Select(reason => reason.Text)],
            [.. r.Reasons.Select(reason => reason.Code)],
            current?.MemoryRequest?.Bytes,
            current?.MemoryLimit?.Bytes,
            current?.MemoryRequest?.ToQuantity(),
            current?.MemoryLimit?.ToQuantity(),
            current?.QosClass,
            r.Request - current?.MemoryRequest is { } requestChange ? requestChange.Bytes : null,
            r.Limit - current?.MemoryLimit is { } limitChange ? limitChange.Bytes : null)
        {
            RequestCalibration = CalibrationRow.From(r.RequestCalibration),
            LimitCalibration = CalibrationRow.From(r.LimitCalibration),
        };
    }
}
