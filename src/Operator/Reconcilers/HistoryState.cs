namespace RightSizer.Operator.Reconcilers;

/// <summary>Where the history behind a reconcile stands.</summary>
public enum HistoryState
{
    /// <summary>No scan has completed yet.</summary>
    Pending,

    /// <summary>The last scan completed.</summary>
    Available,

    /// <summary>The last scan could not reach Prometheus; the last good snapshot (if any) is used.</summary>
    Unreachable,

    /// <summary>The last scan got an error answer; the last good snapshot (if any) is used.</summary>
    Failed,
}
