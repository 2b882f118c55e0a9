using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli.Report;

/// <summary>
/// One container in the report: who it is, its values today and proposed, the QoS class before and after, and what
/// its chart draws (usage downsampled, OOM kills, the trend).
/// </summary>
public sealed record ReportEntry
{
    public required string Namespace { get; init; }

    /// <summary><c>Deployment/web</c>, or the series id when it names no workload.</summary>
    public required string Workload { get; init; }

    public required string Container { get; init; }

    public Memory? CurrentRequest { get; init; }

    public Memory? CurrentLimit { get; init; }

    public Memory? Request { get; init; }

    public Memory? Limit { get; init; }

    public QosClass? QosBefore { get; init; }

    public QosClass? QosAfter { get; init; }

    public double Confidence { get; init; }

    public int OomKills { get; init; }

    public TrendEstimate? Trend { get; init; }

    public HeapSettings? Heap { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The chart's time span (unix seconds): the history window.</summary>
    public long From { get; init; }

    public long To { get; init; }

    public IReadOnlyList<ChartPoint> Usage { get; init; } = [];

    public IReadOnlyList<long> OomKillTimes { get; init; } = [];

    /// <summary>The highest usage seen, before downsampling.</summary>
    public Memory? Peak { get; init; }
}
