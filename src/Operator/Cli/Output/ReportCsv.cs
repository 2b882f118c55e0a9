using System.Globalization;

namespace RightSizer.Operator.Cli.Output;

/// <summary>The CSV form of a report: one row per container, reasons joined by "; ", RFC 4180 quoting.</summary>
public static class ReportCsv
{
    private const string Header =
        "series,namespace,workloadKind,workloadName,container,requestBytes,limitBytes,request,limit,qosClass,confidence,samples,windowCovered,trendSlopeBytesPerDay,trendSignificant,trendProjectedPeakBytes,oomKills,reasons";

    public static void Write(RecommendationReport report, TextWriter writer)
    {
        writer.WriteLine(Header);
        foreach (var r in report.Recommendations)
        {
            string?[] fields =
            [
                r.Series, r.Namespace, r.WorkloadKind, r.WorkloadName, r.Container,
                Number(r.RequestBytes), Number(r.LimitBytes), r.Request, r.Limit, r.QosClass?.ToString(),
                r.Confidence.ToString(CultureInfo.InvariantCulture), Number(r.Samples), r.WindowCovered,
                Number(r.Trend?.SlopeBytesPerDay), r.Trend is { } t ? (t.Significant ? "true" : "false") : null,
                Number(r.Trend?.ProjectedPeakBytes), Number(r.OomKills), string.Join("; ", r.Reasons),
            ];
            writer.WriteLine(string.Join(',', fields.Select(Quote)));
        }
    }

    private static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string? field)
    {
        if (field is null)
        {
            return string.Empty;
        }

        return field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
