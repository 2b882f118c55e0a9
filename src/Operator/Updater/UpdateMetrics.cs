using System.Diagnostics;
using System.Diagnostics.Metrics;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Updater;

/// <summary>Evictions and resizes by outcome (done, refused, failed, skipped-not-leader).</summary>
public sealed class UpdateMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _evictions;
    private readonly Counter<long> _resizes;

    public UpdateMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(ControllerMetrics.MeterName);
        _evictions = _meter.CreateCounter<long>("rightsizer_evictions", description: "Evictions requested, by outcome.");
        _resizes = _meter.CreateCounter<long>("rightsizer_resizes", description: "In-place resizes requested, by outcome.");
    }

    public void Executed(UpdateAction action, UpdateOutcome outcome)
    {
        var tags = new TagList { { "outcome", outcome.ToString().ToLowerInvariant() } };
        (action == UpdateAction.Resize ? _resizes : _evictions).Add(1, tags);
    }

    public void Dispose() => _meter.Dispose();
}
