namespace RightSizer.Webhooks.Pods;

/// <summary>Why an admission ended as it did: the metric's reason label and the logs use these codes, never prose.</summary>
public static class MutationReasons
{
    public const string Applied = "applied";
    public const string Unchanged = "unchanged";
    public const string NoPolicy = "no-policy";
    public const string PolicyOff = "policy-off";
    public const string NoRecommendation = "no-recommendation";
    public const string NotCreate = "not-create";
    public const string MalformedPod = "malformed-pod";
    public const string UnknownKind = "unknown-kind";
    public const string CacheNotSynced = "cache-not-synced";
    public const string Deadline = "deadline";
    public const string InternalError = "internal-error";
}
