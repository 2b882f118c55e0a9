using System.Globalization;
using System.Net;
using System.Text;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Cli.Report;

/// <summary>
/// <c>rightsizer report</c>'s page: one self-contained HTML file. At the top the totals and memory requested today
/// against proposed by namespace, then a sortable table of every container's change, then per workload and container
/// the chart (see <see cref="SvgChart"/>) beside the QoS class before and after, the heap settings and the reasons.
/// Every name and reason goes through HTML encoding: a container called <c>&lt;script&gt;</c> is text.
/// </summary>
public static class HtmlReport
{
    public static string Write(IReadOnlyList<ReportEntry> entries, DateTimeOffset asOf, string source)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(source);
        var html = new StringBuilder(4096 + (entries.Count * 4096));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>RightSizer memory report</title><style>").Append(ReportAssets.Style).Append("</style></head><body>\n");
        html.Append("<h1>RightSizer memory report</h1>");
        html.Append("<p class=\"muted\">").Append(Encode(source)).Append(CultureInfo.InvariantCulture, $"; history before {asOf.UtcDateTime:yyyy-MM-dd HH:mm}Z.</p>\n");
        Summary(html, entries);
        ByNamespace(html, entries);
        Changes(html, entries);
        Details(html, entries);
        html.Append("<script>").Append(ReportAssets.Script).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, IReadOnlyList<ReportEntry> entries)
    {
        var sized = entries.Where(e => e.Request is not null).ToList();
        var known = sized.Where(e => e.CurrentRequest is not null).ToList();
        html.Append("<div class=\"cards\">");
        Card(html, "containers sized", string.Create(CultureInfo.InvariantCulture, $"{sized.Count} of {entries.Count}"));
        Card(html, known.Count == sized.Count ? "requested today" : string.Create(CultureInfo.InvariantCulture, $"requested today ({known.Count} known)"), Sum(known.Select(e => e.CurrentRequest)));
        Card(html, "requested, proposed", Sum(sized.Select(e => e.Request)));
        Card(html, "OOM kills in the window", entries.Sum(e => e.OomKills).ToString(CultureInfo.InvariantCulture));
        html.Append("</div>\n");
    }

    private static void Card(StringBuilder html, string label, string value) =>
        html.Append("<div class=\"card\"><b>").Append(Encode(value)).Append("</b>").Append(Encode(label)).Append("</div>");

    private static void ByNamespace(StringBuilder html, IReadOnlyList<ReportEntry> entries)
    {
        html.Append("<h2>By namespace</h2><div class=\"scroll\"><table class=\"sortable\" id=\"namespaces\"><thead><tr>");
        html.Append("<th data-type=\"text\">Namespace</th><th data-type=\"number\" class=\"num\">Containers</th>");
        html.Append("<th data-type=\"number\" class=\"num\">Requested today</th><th data-type=\"number\" class=\"num\">Proposed</th>");
        html.Append("<th data-type=\"number\" class=\"num\">Change</th></tr></thead><tbody>\n");
        foreach (var group in entries.GroupBy(e => e.Namespace))
        {
            var sized = group.Where(e => e.Request is not null).ToList();
            var today = sized.All(e => e.CurrentRequest is not null) ? Total(sized.Select(e => e.CurrentRequest)) : (Memory?)null;
            var proposed = Total(sized.Select(e => e.Request));
            html.Append("<tr><td>").Append(Encode(group.Key)).Append("</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{group.Count()}</td>");
            MemoryCell(html, today);
            MemoryCell(html, proposed);
            ChangeCell(html, today, proposed);
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void Changes(StringBuilder html, IReadOnlyList<ReportEntry> entries)
    {
        html.Append("<h2>Change per container</h2><div class=\"scroll\"><table class=\"sortable\" id=\"changes\"><thead><tr>");
        html.Append("<th data-type=\"text\">Namespace</th><th data-type=\"text\">Workload</th><th data-type=\"text\">Container</th>");
        html.Append("<th data-type=\"number\" class=\"num\">Request today</th><th data-type=\"number\" class=\"num\">Proposed</th>");
        html.Append("<th data-type=\"number\" class=\"num\" data-key=\"change\">Change</th>");
        html.Append("<th data-type=\"number\" class=\"num\">Limit today</th><th data-type=\"number\" class=\"num\">Proposed limit</th>");
        html.Append("<th data-type=\"text\">QoS</th><th data-type=\"number\" class=\"num\">OOM kills</th><th data-type=\"number\" class=\"num\">Confidence</th>");
        html.Append("</tr></thead><tbody>\n");
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            html.Append("<tr><td>").Append(Encode(e.Namespace)).Append("</td><td>").Append(Encode(e.Workload)).Append("</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td><a href=\"#c{i}\">").Append(Encode(e.Container)).Append("</a></td>");
            MemoryCell(html, e.CurrentRequest);
            MemoryCell(html, e.Request);
            ChangeCell(html, e.CurrentRequest, e.Request);
            MemoryCell(html, e.CurrentLimit);
            MemoryCell(html, e.Limit);
            html.Append("<td>").Append(Encode(Qos(e))).Append("</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{e.OomKills}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-sort=\"{e.Confidence:0.00}\">{(e.Request is null ? "-" : e.Confidence.ToString("0.00", CultureInfo.InvariantCulture))}</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void Details(StringBuilder html, IReadOnlyList<ReportEntry> entries)
    {
        html.Append("<p class=\"legend muted\"><span><i style=\"border-color:#3d7bd9\"></i>working set (min to max)</span>");
        html.Append("<span><i style=\"border-color:#6c757d;border-top-style:dashed\"></i>request / limit today</span>");
        html.Append("<span><i style=\"border-color:#0b5ed7\"></i>proposed request</span><span><i style=\"border-color:#e8590c\"></i>proposed limit</span>");
        html.Append("<span><i style=\"border-color:#7b3fc4;border-top-style:dashed\"></i>trend projection</span><span><i style=\"border-color:#d6336c\"></i>OOM kill</span></p>\n");
        var index = 0;
        foreach (var workload in entries.GroupBy(e => (e.Namespace, e.Workload)))
        {
            html.Append("<h2>").Append(Encode(workload.Key.Namespace)).Append(" / ").Append(Encode(workload.Key.Workload)).Append("</h2>\n");
            foreach (var entry in workload)
            {
                html.Append(CultureInfo.InvariantCulture, $"<section class=\"entry\" id=\"c{index++}\"><div>");
                html.Append("<h3>").Append(Encode(entry.Container)).Append("</h3>");
                SvgChart.Write(html, entry);
                html.Append("</div><dl>");
                Term(html, "request", $"{Value(entry.CurrentRequest)} \u2192 {Value(entry.Request)}");
                Term(html, "limit", $"{Value(entry.CurrentLimit)} \u2192 {Value(entry.Limit)}");
                Term(html, "QoS class", Qos(entry));
                Term(html, "peak", entry.Peak?.ToHuman() ?? "-");
                Term(html, "trend", Trend(entry));
                Term(html, "confidence", entry.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
                Term(html, "OOM kills", entry.OomKills.ToString(CultureInfo.InvariantCulture));
                Heap(html, entry);
                html.Append("<dt>reasons</dt><dd><ul>");
                foreach (var reason in entry.Reasons)
                {
                    html.Append("<li>").Append(Encode(reason)).Append("</li>");
                }

                html.Append("</ul></dd></dl></section>\n");
            }
        }
    }

    private static void Heap(StringBuilder html, ReportEntry entry)
    {
        if (entry.Heap is not { } heap)
        {
            Term(html, "heap", "no managed runtime detected");
            return;
        }

        html.Append("<dt>heap</dt><dd>").Append(Encode($"{heap.Runtime}, max heap {heap.MaxHeap.ToHuman()}"));
        foreach (var (name, value) in heap.Env.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            html.Append("<br><code>").Append(Encode($"{name}={value}")).Append("</code>");
        }

        foreach (var note in heap.Notes)
        {
            html.Append("<br>").Append(Encode(note));
        }

        html.Append("</dd>");
    }

    private static void Term(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");

    private static void MemoryCell(StringBuilder html, Memory? value) =>
        html.Append("<td class=\"num\" data-sort=\"").Append(value?.Bytes.ToString(CultureInfo.InvariantCulture) ?? string.Empty)
            .Append("\">").Append(Encode(Value(value))).Append("</td>");

    private static void ChangeCell(StringBuilder html, Memory? today, Memory? proposed)
    {
        if (today is not { } before || proposed is not { } after)
        {
            html.Append("<td class=\"num\" data-sort=\"\">-</td>");
            return;
        }

        var change = after.Bytes - before.Bytes;
        var percent = before.Bytes == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({change * 100.0 / before.Bytes:+0;-0;0}%)");
        var css = change > 0 ? "up" : change < 0 ? "down" : string.Empty;
        html.Append(CultureInfo.InvariantCulture, $"<td class=\"num {css}\" data-sort=\"{change}\">")
            .Append(Encode((change > 0 ? "+" : string.Empty) + new Memory(change).ToHuman() + percent)).Append("</td>");
    }

    private static string Qos(ReportEntry entry) => $"{entry.QosBefore?.ToString() ?? "unknown"} \u2192 {entry.QosAfter?.ToString() ?? "-"}";

    private static string Trend(ReportEntry entry) => entry.Trend switch
    {
        null => "-",
        { Significant: false } t => $"flat ({Signed(t.SlopeBytesPerDay)}/day, not significant)",
        var t => $"{Signed(t.SlopeBytesPerDay)}/day, projected {t.ProjectedPeak.ToHuman()} in {PromDuration.Format(t.Horizon)}",
    };

    private static string Signed(double bytes) => (bytes >= 0 ? "+" : "-") + Memory.FromBytes(Math.Abs(bytes)).ToHuman();

    private static string Value(Memory? memory) => memory?.ToHuman() ?? "-";

    private static Memory Total(IEnumerable<Memory?> values) => new(values.Sum(v => v?.Bytes ?? 0));

    private static string Sum(IEnumerable<Memory?> values) => Total(values).ToHuman();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
