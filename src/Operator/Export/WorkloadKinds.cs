namespace RightSizer.Operator.Export;

/// <summary>
/// The workload kinds an export can patch, with their API group and where their pod spec sits. Bare pods and Jobs are
/// left out: their pod templates cannot be changed once created.
/// </summary>
public static class WorkloadKinds
{
    private static readonly string[] TemplatePath = ["spec", "template", "spec"];
    private static readonly string[] CronJobTemplatePath = ["spec", "jobTemplate", "spec", "template", "spec"];

    public static IReadOnlyList<string> All { get; } = ["CronJob", "DaemonSet", "Deployment", "StatefulSet"];

    /// <summary>The kind as Kubernetes spells it, from any casing (<c>deployment</c> is <c>Deployment</c>).</summary>
    public static bool TryCanonical(string? kind, out string canonical)
    {
        canonical = All.FirstOrDefault(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        return canonical.Length > 0;
    }

    public static string ApiVersion(string kind) => kind == "CronJob" ? "batch/v1" : "apps/v1";

    /// <summary>The keys from the object's root to its pod spec (the map that holds <c>containers</c>).</summary>
    public static IReadOnlyList<string> PodSpecPath(string kind) => kind == "CronJob" ? CronJobTemplatePath : TemplatePath;
}
