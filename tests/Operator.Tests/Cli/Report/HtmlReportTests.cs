using System.Text.RegularExpressions;
using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Cli.Report;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Tests.Cli.Report;

public sealed class HtmlReportTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Write_ContainerNamedScript_NameIsText()
    {
        var html = HtmlReport.Write([Entry("<script>alert(1)</script>", "ns\"><b>", samples: 100)], AsOf, "history file <x>.csv");

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(html, "<script", RegexOptions.IgnoreCase), Is.EqualTo(1), "only the page's own sorting script");
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
            Assert.That(html, Does.Not.Contain("ns\"><b>"));
            Assert.That(html, Does.Contain("history file &lt;x&gt;.csv"));
        });
    }

    [Test]
    public void Write_AnyReport_NeedsNoNetwork()
    {
        var html = HtmlReport.Write([Entry("app", "shop", samples: 100)], AsOf, "history file sample.csv");

        Assert.That(Regex.Matches(html, "(src|href)=\"(?!#)[^\"]*\"").Select(m => m.Value), Is.Empty);
    }

    [Test]
    public void Write_ThousandContainersOfFourteenDays_UnderFourMegabytes()
    {
        // 1,000 containers at 5-minute resolution over 14 days: 4,032 samples each, 4 million in all.
        var entries = Enumerable.Range(0, 1000).Select(i => Entry($"container-{i:0000}", $"team-{i % 20:00}", samples: 4032)).ToList();

        var html = HtmlReport.Write(entries, AsOf, "history file fleet.csv.gz");

        TestContext.Out.WriteLine($"1,000-container report: {html.Length / 1024.0 / 1024.0:0.00} MiB");
        Assert.That(html.Length, Is.LessThan(4 * 1024 * 1024));
    }

    private static ReportEntry Entry(string container, string ns, int samples)
    {
        var to = AsOf.ToUnixTimeSeconds();
        var from = to - (14 * 86400);
        var usage = Enumerable.Range(0, samples)
            .Select(i => new Sample(from + (i * 300), (400 + (200 * Math.Sin(i / 20.0)) + (i % 97)) * Memory.MiB))
            .ToArray();
        return new ReportEntry
        {
            Namespace = ns,
            Workload = "Deployment/" + container,
            Container = container,
            CurrentRequest = Memory.Parse("1Gi"),
            CurrentLimit = Memory.Parse("2Gi"),
            Request = Memory.Parse("640Mi"),
            Limit = Memory.Parse("900Mi"),
            QosBefore = QosClass.Burstable,
            QosAfter = QosClass.Burstable,
            Confidence = 1,
            Trend = new TrendEstimate(5 * Memory.MiB, true, Memory.Parse("700Mi"), TimeSpan.FromDays(7)),
            Reasons = ["request: p90 " + container],
            From = from,
            To = to,
            Usage = ChartDownsampler.Downsample(usage, from, to, ReportBuilder.ChartBuckets),
            OomKillTimes = [from + 86400],
            Peak = Memory.Parse("700Mi"),
        };
    }
}
