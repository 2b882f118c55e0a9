using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RightSizer.Operator.Runtime;

/// <summary>The controller runtime's instruments: reconciles and their duration, queue depth, watch restarts.</summary>
public sealed class ControllerMetrics : IDisposable
{
    public const string MeterName = "RightSizer.Operator";

    private readonly Meter _meter;
    private readonly Counter<long> _reconciles;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _watchRestarts;
    private readonly List<Func<int>> _depths = [];

    public ControllerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _reconciles = _meter.CreateCounter<long>("rightsizer_reconciles", description: "Reconciles by controller and result (success, requeue, error).");
        _duration = _meter.CreateHistogram<double>("rightsizer_reconcile_duration", unit: "s", description: "Time one reconcile took.");
        _watchRestarts = _meter.CreateCounter<long>("rightsizer_watch_restarts", description: "Watches re-opened, by resource and reason (closed, expired, error).");
        _meter.CreateObservableGauge("rightsizer_workqueue_depth", () => _depths.Sum(depth => depth()), description: "Keys waiting in the work queues.");
    }

    public Meter Meter => _meter;

    public void TrackQueue(Func<int> depth)
    {
        lock (_depths)
        {
            _depths.Add(depth);
        }
    }

    public void Reconciled(string controller, string result, TimeSpan duration)
    {
        var tags = new TagList { { "controller", controller }, { "result", result } };
        _reconciles.Add(1, tags);
        _duration.Record(duration.TotalSeconds, new TagList { { "controller", controller } });
    }

    public void WatchRestarted(string resource, string reason) =>
        _watchRestarts.Add(1, new TagList { { "resource", resource }, { "reason", reason } });

    public void Dispose() => _meter.Dispose();
}
