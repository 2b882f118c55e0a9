namespace RightSizer.Recommender.Prometheus;

/// <summary>How the Prometheus history source slices its work into requests.</summary>
public sealed record PrometheusSourceSettings
{
    /// <summary>Prometheus refuses range queries returning more than 11,000 points per series.</summary>
    public const int PrometheusMaxPointsPerSeries = 11_000;

    /// <summary>Resolution of usage history: each sample is the peak within one step.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Containers per range query. Namespaces are packed into batches up to this many series, so the number of
    /// requests grows with the number of containers, not of namespaces. A namespace larger than this is one batch.
    /// </summary>
    public int SeriesPerRequest { get; init; } = 250;

    /// <summary>
    /// The longest kube-state-metrics scrape interval the OOM-kill query sees through: restarts and termination
    /// reasons are the newest values within this much time, not within Prometheus' 5-minute lookback.
    /// </summary>
    public TimeSpan KubeStateMetricsLookback { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Points per series per range query; longer ranges are split.</summary>
    public int MaxPointsPerSeries { get; init; } = PrometheusMaxPointsPerSeries;
}
