using System.Globalization;
using System.Text;

namespace RightSizer.Recommender.Benchmark;

/// <summary>
/// The slack/OOM frontier as an SVG image: request slack on x, OOM rate on y, one marker per peer and one curve per
/// policy of ours (its points are oomRisk swept). Plain SVG 1.1 with no script, so a Markdown viewer shows it.
/// </summary>
public static class FrontierPlot
{
    private const int Width = 640;
    private const int Height = 420;
    private const int Margin = 60;
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    /// <param name="curves">Our policies: name and points (request slack, OOM rate) in sweep order.</param>
    /// <param name="peers">The peers: name and their single point.</param>
    public static string Render(string title, IReadOnlyList<(string Name, IReadOnlyList<(double Slack, double Oom)> Points)> curves, IReadOnlyList<(string Name, double Slack, double Oom)> peers)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(peers);
        var all = curves.SelectMany(c => c.Points).Concat(peers.Select(p => (p.Slack, p.Oom))).ToList();
        var (minX, maxX) = (Math.Floor(all.Min(p => p.Slack) * 20) / 20, Math.Ceiling(all.Max(p => p.Slack) * 20) / 20);
        var maxY = Math.Ceiling(all.Max(p => p.Oom) * 100) / 100;
        double X(double slack) => Margin + ((slack - minX) / Math.Max(maxX - minX, 1e-9) * (Width - (2 * Margin)));
        double Y(double oom) => Height - Margin - (oom / Math.Max(maxY, 1e-9) * (Height - (2 * Margin)));

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>\n"));
        svg.Append(Invariant($"<line x1=\"{Margin}\" y1=\"{Height - Margin}\" x2=\"{Width - Margin}\" y2=\"{Height - Margin}\" stroke=\"black\"/>\n"));
        svg.Append(Invariant($"<line x1=\"{Margin}\" y1=\"{Margin}\" x2=\"{Margin}\" y2=\"{Height - Margin}\" stroke=\"black\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var slack = minX + ((maxX - minX) * i / 4);
            var oom = maxY * i / 4;
            svg.Append(Invariant($"<text x=\"{X(slack):0.#}\" y=\"{Height - Margin + 16}\" text-anchor=\"middle\">{slack:0.00}</text>\n"));
            svg.Append(Invariant($"<text x=\"{Margin - 6}\" y=\"{Y(oom) + 4:0.#}\" text-anchor=\"end\">{oom * 100:0.0#}%</text>\n"));
        }

        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"{Height - 16}\" text-anchor=\"middle\">request slack</text>\n"));
        svg.Append(Invariant($"<text x=\"16\" y=\"{Height / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {Height / 2})\">OOM rate (container-days)</text>\n"));
        var legend = Margin + 10;
        for (var c = 0; c < curves.Count; c++)
        {
            var color = Colors[c % Colors.Length];
            var points = string.Join(' ', curves[c].Points.Select(p => Invariant($"{X(p.Slack):0.#},{Y(p.Oom):0.#}")));
            svg.Append(Invariant($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>\n"));
            foreach (var p in curves[c].Points)
            {
                svg.Append(Invariant($"<circle cx=\"{X(p.Slack):0.#}\" cy=\"{Y(p.Oom):0.#}\" r=\"3\" fill=\"{color}\"/>\n"));
            }

            svg.Append(Invariant($"<text x=\"{Width - Margin - 150}\" y=\"{legend}\" fill=\"{color}\">— {Escape(curves[c].Name)}</text>\n"));
            legend += 16;
        }

        foreach (var peer in peers)
        {
            svg.Append(Invariant($"<rect x=\"{X(peer.Slack) - 4:0.#}\" y=\"{Y(peer.Oom) - 4:0.#}\" width=\"8\" height=\"8\" fill=\"black\"/>\n"));
            svg.Append(Invariant($"<text x=\"{X(peer.Slack) + 7:0.#}\" y=\"{Y(peer.Oom) - 6:0.#}\">{Escape(peer.Name)}</text>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
