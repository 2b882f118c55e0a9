using System.Globalization;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Benchmark;
using RightSizer.Recommender.Benchmark.Baselines;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli.Output;

/// <summary>
/// <c>rightsizer bench --frontier</c>: our two policies replayed (capped) at each oomRisk, against the peers' single
/// points, as a Markdown table and optionally an SVG image.
/// </summary>
public static class FrontierReport
{
    public static async Task WriteAsync(
        IReadOnlyList<ContainerHistory> series,
        RecommendationSettings settings,
        IReadOnlyList<double> risks,
        ReplayOptions options,
        string title,
        FileInfo? plot,
        TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(writer);
        var engine = new RecommendationEngine();
        var peers = ReplayRunner.Run(series, [new VpaStrategy(), new KrrSimpleStrategy()], options, baselineName: null);
        var curves = new List<(string Name, IReadOnlyList<(double Slack, double Oom)> Points)>();
        await writer.WriteLineAsync("| policy | oomRisk | request slack | over-request | OOM rate |");
        await writer.WriteLineAsync("|---|---:|---:|---:|---:|");
        foreach (var (name, qos) in new[] { ("rightsizer", QosPolicy.Burstable), ("rightsizer-guaranteed", QosPolicy.Guaranteed) })
        {
            var points = new List<(double, double)>();
            foreach (var risk in risks)
            {
                var strategy = new RightSizerStrategy(name, engine, settings with { QosClass = qos, OomRisk = risk }, calibrate: true);
                var result = ReplayRunner.Run(series, [strategy], options, baselineName: null)[0];
                points.Add((result.RequestSlack, result.OomRate));
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {name} | {risk * 100:0.###}% | {result.RequestSlack:0.000} | {result.OverRequest * 100:0.00}% | {result.OomRate * 100:0.00}% |"));
            }

            curves.Add((name, points));
        }

        foreach (var peer in peers)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {peer.Strategy} | - | {peer.RequestSlack:0.000} | {peer.OverRequest * 100:0.00}% | {peer.OomRate * 100:0.00}% |"));
        }

        if (plot is not null)
        {
            var svg = FrontierPlot.Render(title + " (capped replay)", curves, [.. peers.Select(p => (p.Strategy, p.RequestSlack, p.OomRate))]);
            await File.WriteAllTextAsync(plot.FullName, svg);
        }
    }
}
