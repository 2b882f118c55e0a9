namespace RightSizer.Operator.Reconcilers;

/// <summary>The reasons of the events the operator records on MemoryPolicies (what <c>kubectl describe</c> shows).</summary>
public static class EventReasons
{
    public const string RecommendationChanged = "RecommendationChanged";
    public const string OomBump = "OOMBump";
    public const string GrowthTrend = "GrowthTrend";
    public const string Evicted = "Evicted";
    public const string EvictionRefused = "EvictionRefused";
    public const string Resized = "Resized";
    public const string ResizeFailed = "ResizeFailed";
    public const string ResizeDeferred = "ResizeDeferred";
    public const string ResizeInfeasible = "ResizeInfeasible";
    public const string UpdateBlocked = "UpdateBlocked";
    public const string TargetNotFound = "TargetNotFound";
}
