namespace RightSizer.Testing.Prometheus;

/// <summary>A running server that speaks the Prometheus HTTP query API: Prometheus itself, or VictoriaMetrics.</summary>
public interface IMetricsBackend : IAsyncDisposable
{
    /// <summary>The API root to give the history source.</summary>
    Uri BaseUrl { get; }

    /// <summary>What it is, for test names: <c>prometheus</c> or <c>victoria-metrics</c>.</summary>
    string Name { get; }
}
