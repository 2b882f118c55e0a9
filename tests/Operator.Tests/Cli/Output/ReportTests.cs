using System.Text.Json;
using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Cli.Output;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Tests.Cli.Output;

public sealed class ReportTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private static readonly Recommendation Web = new()
    {
        Series = SeriesKey.ForContainer("shop", "Deployment", "web", "app"),
        Request = Memory.FromMiB(440),
        Limit = Memory.FromMiB(680),
        QosClass = QosClass.Burstable,
        Confidence = 0.93,
        Samples = 4032,
        WindowCovered = TimeSpan.FromDays(14),
        Trend = new TrendEstimate(40.4 * Memory.MiB, true, Memory.FromMiB(900), TimeSpan.FromDays(7)),
        Heap = new HeapSettings(RuntimeKind.JVM, Memory.FromMiB(510), new Dictionary<string, string> { ["JAVA_TOOL_OPTIONS"] = "-XX:MaxRAMPercentage=75.0" }, ["a note, with a comma"]),
        Current = new CurrentResources(Memory.FromMiB(1024), Memory.FromMiB(2048), QosClass: QosClass.Burstable),
        Reasons = [new Reason(ReasonCode.RequestEstimate, "request: p90 400Mi + headroom 40Mi"), new Reason(ReasonCode.Trend, "trend: +40Mi/day")],
    };

    private static readonly Recommendation Cache = new()
    {
        Series = SeriesKey.ForContainer("shop", "Deployment", "cache", "redis"),
        Request = Memory.FromMiB(100),
        Limit = Memory.FromMiB(100),
        QosClass = QosClass.Guaranteed,
        Samples = 4032,
        Current = new CurrentResources(Memory.FromMiB(64), Memory.FromMiB(64)),
        Reasons = [new Reason(ReasonCode.CpuKeepsBurstable, "qos: Guaranteed needs CPU requests equal to CPU limits")],
    };

    private static readonly Recommendation Fresh = new()
    {
        Series = SeriesKey.ForContainer("bank", "Deployment", "new", "app"),
        Samples = 1,
        Reasons = [new Reason(ReasonCode.InsufficientHistory, "the wording may change")],
    };

    private static RecommendationReport Report() => RecommendationReport.From(AsOf, AsOf, [Web, Cache, Fresh]);

    [Test]
    public void Summary_SizedWithKnownRequests_TodayAgainstProposed()
    {
        var summary = Report().Summary;

        Assert.Multiple(() =>
        {
            Assert.That(summary.Containers, Is.EqualTo(3));
            Assert.That(summary.Sized, Is.EqualTo(2));
            Assert.That(summary.Compared, Is.EqualTo(2));
            Assert.That(summary.ComparedCurrentRequestBytes, Is.EqualTo(1088 * Memory.MiB));
            Assert.That(summary.ComparedProposedRequestBytes, Is.EqualTo(540 * Memory.MiB));
            Assert.That(summary.ComparedRequestChangeBytes, Is.EqualTo(-548 * Memory.MiB));
        });
    }

    [Test]
    public void Table_CurrentValues_TodayArrowProposedChangeAndSummary()
    {
        var writer = new StringWriter();

        ReportTable.Write(Report(), writer);

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("SERIES").And.Contains("REQUEST").And.Contains("CHANGE"));
            Assert.That(lines[1], Does.Contain("1Gi→440Mi").And.Contains("2Gi→680Mi").And.Contains("-584Mi").And.EndsWith("grows +40.4Mi/d"));
            Assert.That(lines[2], Does.Contain("64Mi→100Mi").And.Contains("+36Mi").And.EndsWith("CPU≠limits"));
            Assert.That(lines[3], Does.EndWith("few samples"), "chosen by code, whatever the text says");
            Assert.That(lines[^2], Is.EqualTo("2 of 3 containers sized; requests 1.1Gi today, 540Mi proposed (-548Mi) over the 2 known."));
            Assert.That(lines[^1], Is.EqualTo("History before 2026-01-15 00:00:00Z."));
            Assert.That(lines, Has.All.Length.LessThanOrEqualTo(ReportTable.Width));
        });
    }

    [Test]
    public void Csv_EveryJsonField_OneColumnEach()
    {
        var report = Report();
        var writer = new StringWriter();
        ReportCsv.Write(report, writer);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report, ReportJson.Options));
        var row = json.RootElement.GetProperty("recommendations")[0];

        // Nested objects flatten to prefix + field name; the report's own times ride on every row.
        var expected = row.EnumerateObject().SelectMany(p => p.Name is "trend" or "heap"
            ? p.Value.EnumerateObject().Select(inner => p.Name + char.ToUpperInvariant(inner.Name[0]) + inner.Name[1..])
            : [p.Name]).Concat(["generatedAt", "asOf"]);
        var header = writer.ToString().Split(Environment.NewLine)[0].Split(',');

        Assert.That(header, Is.EquivalentTo(expected));
    }

    [Test]
    public void Csv_Values_IntegersAsIntegersAndQuotedText()
    {
        var writer = new StringWriter();

        ReportCsv.Write(Report(), writer);

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var web = lines[1];
        Assert.Multiple(() =>
        {
            Assert.That(web, Does.StartWith("shop/Deployment/web/app,shop,Deployment,web,app,461373440,713031680,440Mi,680Mi,Burstable,0.93,4032,14d,42362470,true,943718400,7d,JVM,534773760,JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75.0,\"a note, with a comma\",0,"));
            Assert.That(web, Does.Contain(",RequestEstimate; Trend,1073741824,2147483648,1Gi,2Gi,Burstable,-612368384,-1434451968,,,2026-01-15T00:00:00.0000000+00:00,2026-01-15T00:00:00.0000000+00:00"));
            Assert.That(lines.Skip(1).SelectMany(l => l.Split(',')), Has.None.Contains("E+"), "no exponent notation");
            Assert.That(header, Has.Length.EqualTo(35), "33 fields and the two calibrations, empty without a fleet calibration");
        });
    }
}
