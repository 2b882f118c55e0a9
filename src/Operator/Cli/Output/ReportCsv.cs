using System.Globalization;

namespace RightSizer.Operator.Cli.Output;

/// <summary>
/// The CSV form of a report: one row per container with every field of the JSON contract, flattened (trend and heap
/// fields prefixed, the report's generatedAt and asOf on every row, lists joined by "; ", env as NAME=value pairs).
/// Byte counts are integers; RFC 4180 quoting.
/// </summary>
public static class ReportCsv
{
    private static readonly string[] Header =
    [
        "series", "namespace", "workloadKind", "workloadName", "container", "requestBytes", "limitBytes", "request", "limit",
        "qosClass", "confidence", "samples", "windowCovered", "trendSlopeBytesPerDay", "trendSignificant",
        "trendProjectedPeakBytes", "trendHorizon", "heapRuntime", "heapMaxHeapBytes", "heapEnv", "heapNotes", "oomKills",
        "reasons", "reasonCodes", "currentRequestBytes", "currentLimitBytes", "currentRequest", "currentLimit",
        "currentQosClass", "requestChangeBytes", "limitChangeBytes", "requestCalibration", "limitCalibration",
        "generatedAt", "asOf",
    ];

    public static void Write(RecommendationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Join(',', Header));
        var generatedAt = Time(report.GeneratedAt);
        var asOf = Time(report.AsOf);
        foreach (var r in report.Recommendations)
        {
            string?[] fields =
            [
                r.Series, r.Namespace, r.WorkloadKind, r.WorkloadName, r.Container,
                Integer(r.RequestBytes), Integer(r.LimitBytes), r.Request, r.Limit, r.QosClass?.ToString(),
                r.Confidence.ToString(CultureInfo.InvariantCulture), Integer(r.Samples), r.WindowCovered,
                Integer(r.Trend?.SlopeBytesPerDay), r.Trend is { } t ? (t.Significant ? "true" : "false") : null,
                Integer(r.Trend?.ProjectedPeakBytes), r.Trend?.Horizon,
                r.Heap?.Runtime, Integer(r.Heap?.MaxHeapBytes),
                r.Heap is { } h ? string.Join(' ', h.Env.Select(e => e.Key + "=" + e.Value)) : null,
                r.Heap is { } heap ? string.Join("; ", heap.Notes) : null,
                Integer(r.OomKills), string.Join("; ", r.Reasons), string.Join("; ", r.ReasonCodes),
                Integer(r.CurrentRequestBytes), Integer(r.CurrentLimitBytes), r.CurrentRequest, r.CurrentLimit,
                r.CurrentQosClass?.ToString(), Integer(r.RequestChangeBytes), Integer(r.LimitChangeBytes),
                Calibration(r.RequestCalibration), Calibration(r.LimitCalibration),
                generatedAt, asOf,
            ];
            writer.WriteLine(string.Join(',', fields.Select(Quote)));
        }
    }

    // One column per calibration, as NAME=value pairs like the heap's env.
    private static string? Calibration(CalibrationRow? c) => c is null ? null : string.Create(
        CultureInfo.InvariantCulture,
        $"scale={c.Scale} targetRisk={c.TargetRisk} fleetScale={c.FleetScale} spreadRatio={c.SpreadRatio} containerDays={c.ContainerDays} dataWeight={c.DataWeight}");

    private static string? Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    // The same instant JSON writes, in its round-trip form.
    private static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static string? Quote(string? field)
    {
        if (field is null)
        {
            return string.Empty;
        }

        return field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
