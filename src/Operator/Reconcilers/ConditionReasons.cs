namespace RightSizer.Operator.Reconcilers;

/// <summary>The CamelCase reasons the reconciler writes on MemoryPolicy conditions.</summary>
public static class ConditionReasons
{
    public const string Reconciled = "Reconciled";
    public const string TargetResolved = "TargetResolved";
    public const string TargetNotFound = "TargetNotFound";
    public const string HistoryFound = "HistoryFound";
    public const string AwaitingFirstScan = "AwaitingFirstScan";
    public const string PrometheusUnreachable = "PrometheusUnreachable";
    public const string PrometheusQueryFailed = "PrometheusQueryFailed";
    public const string InsufficientHistory = "InsufficientHistory";
    public const string NoHistory = "NoHistory";
    public const string Recommended = "Recommended";
    public const string ReplacementWouldNotFit = "ReplacementWouldNotFit";
}
