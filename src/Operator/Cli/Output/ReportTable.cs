using System.Globalization;
using System.Text;
using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Cli.Output;

/// <summary>
/// The human form of a report: aligned columns that fit 100 characters, then a summary line. Request and limit read
/// <c>today→proposed</c> when today's values are known, CHANGE is the request's. The series is shortened in the middle
/// when long; the summary line compares today's requests with the proposed ones; the note is the first thing worth a look (too few samples, OOM kills, CPU keeping a pod from Guaranteed,
/// growth), chosen by reason code; the reasons in JSON or YAML say more.
/// </summary>
public static class ReportTable
{
    public const int Width = 100;

    private static readonly (string Name, int Width, bool Right)[] Columns =
    [
        ("SERIES", 26, false), ("REQUEST", 13, true), ("LIMIT", 13, true), ("CHANGE", 7, true), ("QOS", 10, false),
        ("CONF", 4, true),
    ];

    public static void Write(RecommendationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var noteWidth = Width - Columns.Sum(c => c.Width + 2);
        writer.WriteLine(Line([.. Columns.Select(c => c.Name), "NOTE"], noteWidth));
        foreach (var r in report.Recommendations)
        {
            string[] cells =
            [
                r.Series,
                Pair(r.CurrentRequestBytes, r.RequestBytes),
                Pair(r.CurrentLimitBytes, r.LimitBytes),
                r.RequestChangeBytes is { } change ? Signed(change) : "-",
                r.QosClass?.ToString() ?? "-",
                r.RequestBytes is null ? "-" : r.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
                Note(r),
            ];
            writer.WriteLine(Line(cells, noteWidth));
        }

        writer.WriteLine();
        writer.WriteLine(SummaryLine(report.Summary));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"History before {report.AsOf.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z."));
    }

    private static string SummaryLine(ReportSummary s)
    {
        var requests = s.Compared == 0
            ? $"{Human(s.ProposedRequestBytes)} requested in all (today's requests unknown)"
            : $"requests {Human(s.ComparedCurrentRequestBytes)} today, {Human(s.ComparedProposedRequestBytes)} proposed ({Signed(s.ComparedRequestChangeBytes)}) over the {s.Compared} known";
        return string.Create(CultureInfo.InvariantCulture, $"{s.Sized} of {s.Containers} containers sized; {requests}.");
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

    private static string Pair(long? today, long? proposed) => (today, proposed) switch
    {
        (_, null) => "-",
        (null, { } p) => Human(p),
        ({ } t, { } p) => Human(t) + "→" + Human(p),
    };

    private static string Human(long bytes) => new Memory(bytes).ToHuman();

    private static string Signed(long bytes) => (bytes > 0 ? "+" : string.Empty) + Human(bytes);

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

        if (r.ReasonCodes.Contains(ReasonCode.CpuKeepsBurstable))
        {
            return "CPU≠limits";
        }

        if (r.ReasonCodes.Contains(ReasonCode.CpuUnknown))
        {
            return "CPU unknown";
        }

        return r.Trend is { Significant: true, SlopeBytesPerDay: > 0 } trend ? "grows " + Signed(trend.SlopeBytesPerDay) + "/d" : string.Empty;
    }
}
