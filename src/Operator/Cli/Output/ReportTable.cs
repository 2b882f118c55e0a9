using System.Globalization;
using System.Text;
using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Cli.Output;

/// <summary>
/// The human form of a report: aligned columns that fit 100 characters. The series is shortened in the middle when
/// long; the note is the first thing worth a look (too few samples, OOM kills, CPU keeping a pod from Guaranteed,
/// growth); the reasons in JSON or YAML say more.
/// </summary>
public static class ReportTable
{
    public const int Width = 100;

    private static readonly (string Name, int Width, bool Right)[] Columns =
    [
        ("SERIES", 30, false), ("REQUEST", 7, true), ("LIMIT", 7, true), ("QOS", 10, false), ("CONF", 4, true),
        ("SAMPLES", 7, true), ("TREND/DAY", 9, true),
    ];

    public static void Write(RecommendationReport report, TextWriter writer)
    {
        var noteWidth = Width - Columns.Sum(c => c.Width + 2);
        writer.WriteLine(Line([.. Columns.Select(c => c.Name), "NOTE"], noteWidth));
        foreach (var r in report.Recommendations)
        {
            string[] cells =
            [
                r.Series,
                Human(r.RequestBytes),
                Human(r.LimitBytes),
                r.QosClass?.ToString() ?? "-",
                r.RequestBytes is null ? "-" : r.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
                r.Samples.ToString(CultureInfo.InvariantCulture),
                Trend(r.Trend),
                Note(r),
            ];
            writer.WriteLine(Line(cells, noteWidth));
        }

        var sized = report.Recommendations.Count(r => r.RequestBytes is not null);
        writer.WriteLine();
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{sized} of {report.Recommendations.Count} containers sized; history before {report.AsOf.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z."));
    }

    private static string Line(IReadOnlyList<string> cells, int noteWidth)
    {
        var line = new StringBuilder(Width);
        for (var i = 0; i < Columns.Length; i++)
        {
            var (_, width, right) = Columns[i];
            var cell = Fit(cells[i], width);
            line.Append(right ? cell.PadLeft(width) : cell.PadRight(width)).Append("  ");
        }

        line.Append(Fit(cells[^1], noteWidth));
        return line.ToString().TrimEnd();
    }

    private static string Fit(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }

        // Keep both ends: the namespace and the container name tell series apart more than the middle does.
        var head = (width - 1) / 2;
        return text[..head] + "…" + text[^(width - 1 - head)..];
    }

    private static string Human(long? bytes) => bytes is { } b ? new Memory(b).ToHuman() : "-";

    private static string Trend(TrendRow? trend) => trend switch
    {
        null => "-",
        { Significant: false } => "flat",
        _ => (trend.SlopeBytesPerDay >= 0 ? "+" : "-") + Memory.FromBytes(Math.Abs(trend.SlopeBytesPerDay)).ToHuman(),
    };

    private static string Note(RecommendationRow r)
    {
        if (r.RequestBytes is null)
        {
            return r.ReasonCodes.Contains(ReasonCode.InsufficientHistory) ? "few samples" : "not sized";
        }

        if (r.OomKills > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{r.OomKills} OOM kill{(r.OomKills == 1 ? string.Empty : "s")}");
        }

        if (r.ReasonCodes.Contains(ReasonCode.CpuKeepsBurstable) || r.ReasonCodes.Contains(ReasonCode.CpuUnknown))
        {
            return "CPU≠limits";
        }

        return r.Trend is { Significant: true, SlopeBytesPerDay: > 0 } ? "growing" : string.Empty;
    }
}
