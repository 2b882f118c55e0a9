namespace RightSizer.Operator.Updater;

/// <summary>How one eviction or resize went.</summary>
public enum UpdateOutcome
{
    Done,

    /// <summary>The API server refused for now (429: a PodDisruptionBudget holds); retried on a later reconcile.</summary>
    Refused,

    Failed,

    /// <summary>Not attempted: this replica no longer leads.</summary>
    NotLeader,
}
