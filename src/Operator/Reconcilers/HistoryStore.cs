namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// The last good scan and, if the latest attempt failed, why. A failed scan keeps the last good snapshot, so
/// recommendations stay as they were while Prometheus is away.
/// </summary>
public sealed class HistoryStore
{
    private volatile State _state = new(null, null);

    public HistorySnapshot? Latest => _state.Snapshot;

    /// <summary>Why the latest scan failed; null after a success or before any attempt.</summary>
    public ScanFailure? Failure => _state.Failure;

    public void Succeeded(HistorySnapshot snapshot) => _state = new State(snapshot, null);

    public void Failed(ScanFailure failure) => _state = _state with { Failure = failure };

    private sealed record State(HistorySnapshot? Snapshot, ScanFailure? Failure);
}
