using System.Globalization;
using System.Text.Json;

namespace RightSizer.Operator.Cli.Output;

/// <summary>The replay results as an aligned table, JSON, or a Markdown table for docs/benchmarks.md.</summary>
public static class ReplayReport
{
    public static void Write(IReadOnlyList<Recommender.Benchmark.ReplayResult> results, string format, TextWriter writer)
    {
        if (format == "json")
        {
            writer.WriteLine(JsonSerializer.Serialize(results, ReportJson.Options));
            return;
        }

        string[] header = ["strategy", "replay", "request slack", "limit slack", "over-request", "OOM rate", "requested/used", "vs static", "pairs"];
        var rows = results.Select(r => new[]
        {
            r.Strategy,
            r.Mode.ToString().ToLowerInvariant(),
            r.RequestSlack.ToString("0.000", CultureInfo.InvariantCulture),
            r.LimitSlack.ToString("0.000", CultureInfo.InvariantCulture),
            (r.OverRequest * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
            (r.OomRate * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
            r.RequestedPerUsed.ToString("0.00", CultureInfo.InvariantCulture),
            r.RequestedVsStatic is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "-",
            r.Pairs.ToString(CultureInfo.InvariantCulture),
        }).ToList();

        if (format == "markdown")
        {
            writer.WriteLine("| " + string.Join(" | ", header) + " |");
            writer.WriteLine("|" + string.Join("|", header.Select((_, i) => i <= 1 ? "---" : "---:")) + "|");
            foreach (var row in rows)
            {
                writer.WriteLine("| " + string.Join(" | ", row) + " |");
            }

            return;
        }

        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        writer.WriteLine(Line(header, widths));
        foreach (var row in rows)
        {
            writer.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i <= 1 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
}
