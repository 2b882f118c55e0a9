using System.Diagnostics;
using System.Diagnostics.Metrics;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Reconcilers;

/// <summary>The cost of history scans (Prometheus requests and bytes per cycle) and how often recommendations change.</summary>
public sealed class RecommendationMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _scans;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _changes;
    private long _lastCycleRequests;
    private long _lastCycleBytes;

    public RecommendationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(ControllerMetrics.MeterName);
        _scans = _meter.CreateCounter<long>("rightsizer_history_scans", description: "History scans by result (success, error).");
        _requests = _meter.CreateCounter<long>("rightsizer_prometheus_requests", description: "HTTP requests sent to Prometheus, retries included.");
        _bytes = _meter.CreateCounter<long>("rightsizer_prometheus_bytes", unit: "By", description: "Bytes exchanged with Prometheus, by direction (sent, received).");
        _changes = _meter.CreateCounter<long>("rightsizer_recommendation_changes", description: "Container recommendations that changed by more than the policy's minChange.");
        _meter.CreateObservableGauge("rightsizer_prometheus_requests_last_cycle", () => Interlocked.Read(ref _lastCycleRequests), description: "Prometheus requests the last scan cycle made for all policies together.");
        _meter.CreateObservableGauge("rightsizer_prometheus_bytes_last_cycle", () => Interlocked.Read(ref _lastCycleBytes), unit: "By", description: "Bytes received from Prometheus in the last scan cycle.");
    }

    public void Scanned(bool success, long requests, long bytesSent, long bytesReceived)
    {
        _scans.Add(1, new TagList { { "result", success ? "success" : "error" } });
        _requests.Add(requests);
        _bytes.Add(bytesSent, new TagList { { "direction", "sent" } });
        _bytes.Add(bytesReceived, new TagList { { "direction", "received" } });
        Interlocked.Exchange(ref _lastCycleRequests, requests);
        Interlocked.Exchange(ref _lastCycleBytes, bytesReceived);
    }

    public void RecommendationChanged(int containers) => _changes.Add(containers);

    public void Dispose() => _meter.Dispose();
}
