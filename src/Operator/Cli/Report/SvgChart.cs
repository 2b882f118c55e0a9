using System.Globalization;
using System.Net;
using System.Text;
using RightSizer.Api.Units;

namespace RightSizer.Operator.Cli.Report;

/// <summary>
/// One container's chart as inline SVG: the usage band (min to max per pixel column), the request and limit of today
/// (grey) and proposed (blue, orange) as horizontal lines, OOM kills as red marks, and the trend's projection to its
/// horizon as a dashed line. Coordinates are whole numbers in a fixed view box, which keeps a thousand charts small.
/// Each line carries its value in <c>data-bytes</c>, so a test (or a reader's tool) can check it against the data.
/// </summary>
public static class SvgChart
{
    public const int Width = 640;
    public const int Height = 180;
    private const int Left = 52;
    private const int Right = 8;
    private const int Top = 8;
    private const int Bottom = 22;

    public static void Write(StringBuilder html, ReportEntry entry)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(entry);
        var end = entry.To + (entry.Trend is { Significant: true } trend ? (long)trend.Horizon.TotalSeconds : 0);
        double[] values =
        [
            entry.Peak?.Bytes ?? 0, entry.CurrentRequest?.Bytes ?? 0, entry.CurrentLimit?.Bytes ?? 0,
            entry.Request?.Bytes ?? 0, entry.Limit?.Bytes ?? 0, entry.Trend is { Significant: true } t ? t.ProjectedPeak.Bytes : 0,
        ];
        var yMax = Math.Max(values.Max() * 1.08, Memory.MiB);
        var scale = new Scale(entry.From, end, yMax);

        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" data-ymax=\"{yMax:0}\" data-from=\"{entry.From}\" data-to=\"{end}\">");
        html.Append("<title>").Append(WebUtility.HtmlEncode($"{entry.Workload} {entry.Container}: working set")).Append("</title>");
        Axes(html, scale, entry);
        Usage(html, scale, entry);
        Line(html, scale, "req-now", entry.CurrentRequest, "request today");
        Line(html, scale, "lim-now", entry.CurrentLimit, "limit today");
        Line(html, scale, "req-new", entry.Request, "proposed request");
        Line(html, scale, "lim-new", entry.Limit, "proposed limit");
        Trend(html, scale, entry);
        foreach (var kill in entry.OomKillTimes)
        {
            var x = scale.X(kill);
            html.Append(CultureInfo.InvariantCulture, $"<path class=\"oom\" d=\"M{x} {Top}V{Height - Bottom}\" data-time=\"{kill}\"><title>OOM kill</title></path>");
        }

        html.Append("</svg>");
    }

    private static void Axes(StringBuilder html, Scale scale, ReportEntry entry)
    {
        html.Append(CultureInfo.InvariantCulture, $"<path class=\"axis\" d=\"M{Left} {Top}V{Height - Bottom}H{Width - Right}\"/>");
        foreach (var fraction in new[] { 0.5, 1.0 })
        {
            var bytes = scale.YMax * fraction;
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 4}\" y=\"{scale.Y(bytes) + 4}\" text-anchor=\"end\">{Memory.FromBytes(bytes).ToHuman()}</text>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left}\" y=\"{Height - 6}\">{Date(entry.From)}</text>");
        var asOf = scale.X(entry.To);
        var anchor = asOf > Width - Right - 40 ? "end" : "middle";
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{asOf}\" y=\"{Height - 6}\" text-anchor=\"{anchor}\">{Date(entry.To)}</text>");
    }

    private static void Usage(StringBuilder html, Scale scale, ReportEntry entry)
    {
        if (entry.Usage.Count == 0)
        {
            return;
        }

        // Along the maxima, then back along the minima: one closed band. After the first point every pair is relative
        // (an implicit "l"), from whole-number coordinates, which keeps the path short and exact.
        var points = entry.Usage.Select(p => (X: scale.X(p.Timestamp), Y: scale.Y(p.Max)))
            .Concat(entry.Usage.Reverse().Select(p => (X: scale.X(p.Timestamp), Y: scale.Y(p.Min))))
            .ToList();
        var path = new StringBuilder().Append(CultureInfo.InvariantCulture, $"M{points[0].X} {points[0].Y}l");
        for (var i = 1; i < points.Count; i++)
        {
            path.Append(CultureInfo.InvariantCulture, $"{points[i].X - points[i - 1].X} {points[i].Y - points[i - 1].Y} ");
        }

        html.Append("<path class=\"usage\" d=\"").Append(path.ToString().TrimEnd()).Append("z\"/>");
    }

    private static void Line(StringBuilder html, Scale scale, string kind, Memory? value, string label)
    {
        if (value is not { } memory)
        {
            return;
        }

        var y = scale.Y(memory.Bytes);
        html.Append(CultureInfo.InvariantCulture, $"<line class=\"{kind}\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\" data-bytes=\"{memory.Bytes}\"><title>{label} {memory.ToQuantity()}</title></line>");
    }

    private static void Trend(StringBuilder html, Scale scale, ReportEntry entry)
    {
        if (entry.Trend is not { Significant: true } trend)
        {
            return;
        }

        var horizon = (long)trend.Horizon.TotalSeconds;
        var start = trend.ProjectedPeak.Bytes - (trend.SlopeBytesPerDay * trend.Horizon.TotalDays);
        html.Append(CultureInfo.InvariantCulture,
            $"<line class=\"trend\" x1=\"{scale.X(entry.To)}\" y1=\"{scale.Y(start)}\" x2=\"{scale.X(entry.To + horizon)}\" y2=\"{scale.Y(trend.ProjectedPeak.Bytes)}\" data-bytes=\"{trend.ProjectedPeak.Bytes}\"><title>trend: projected {trend.ProjectedPeak.ToHuman()} in {PromDuration.Format(trend.Horizon)}</title></line>");
    }

    private static string Date(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private readonly record struct Scale(long From, long To, double YMax)
    {
        public int X(long timestamp) => Left + (int)Math.Round((timestamp - From) / (double)Math.Max(1, To - From) * (Width - Left - Right));

        public int Y(double bytes) => Top + (int)Math.Round((1 - (bytes / YMax)) * (Height - Top - Bottom));
    }
}
