namespace RightSizer.Operator.Updater;

/// <summary>Why the planner decided what it did for a pod: codes that events, logs and tests compare.</summary>
public static class UpdateReasons
{
    public const string ModeDoesNotUpdate = "ModeDoesNotUpdate";
    public const string InSync = "InSync";
    public const string Drifted = "Drifted";
    public const string OomKilledBelowNewLimit = "OomKilledBelowNewLimit";
    public const string NoController = "NoController";
    public const string SingleReplica = "SingleReplica";
    public const string RollingOut = "RollingOut";
    public const string ReplacementWouldNotFit = "ReplacementWouldNotFit";
    public const string WaitingForReady = "WaitingForReady";
    public const string MaxUnavailable = "MaxUnavailable";
    public const string Cooldown = "Cooldown";
    public const string ResizeDeferred = "ResizeDeferred";
    public const string ResizeInProgress = "ResizeInProgress";
    public const string ResizeInfeasible = "ResizeInfeasible";
    public const string ResizeUnsupported = "ResizeUnsupported";
    public const string QosClassWouldChange = "QosClassWouldChange";
    public const string LimitDecreaseNeedsRestart = "LimitDecreaseNeedsRestart";
    public const string HeapNeedsRestart = "HeapNeedsRestart";
}
