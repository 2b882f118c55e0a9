using RightSizer.Api.Units;
using RightSizer.Operator.Export;

namespace RightSizer.Operator.Cli.Report;

/// <summary>
/// The report's entries from MemoryPolicy status (the cluster source): per container the recommended request and
/// limit, the QoS class after, confidence, OOM kills and reasons; today's values from the workloads' manifests when
/// given. The status keeps no history series, so the charts draw the request and limit without a usage band.
/// Selector policies appear under the policy's own name; containers without a request are listed with their reason.
/// </summary>
public static class PolicyStatusReport
{
    public static IReadOnlyList<ReportEntry> From(IEnumerable<StoredPolicy> policies, IReadOnlyList<WorkloadManifest>? manifests, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var entries = new List<ReportEntry>();
        var to = asOf.ToUnixTimeSeconds();
        foreach (var policy in policies)
        {
            var workload = policy.TargetName is not null && WorkloadKinds.TryCanonical(policy.TargetKind, out var kind)
                ? new WorkloadRef(policy.Namespace, kind, policy.TargetName)
                : null;
            var manifest = workload is null ? null : manifests?.FirstOrDefault(m => m.Declares(workload));
            foreach (var recommendation in policy.Recommendations)
            {
                var container = recommendation.ContainerName ?? "";
                var declared = manifest?.Containers.FirstOrDefault(c => c.Name == container);
                var window = PromDuration.TryParse(recommendation.WindowCovered, out var covered) ? covered : TimeSpan.Zero;
                entries.Add(new ReportEntry
                {
                    Namespace = policy.Namespace,
                    Workload = workload is null ? $"MemoryPolicy/{policy.Name}" : $"{workload.Kind}/{workload.Name}",
                    Container = container,
                    CurrentRequest = declared?.Request,
                    CurrentLimit = declared?.Limit,
                    Request = Memory.TryParse(recommendation.Request, out var request) ? request : null,
                    Limit = Memory.TryParse(recommendation.Limit, out var limit) ? limit : null,
                    QosAfter = recommendation.QosClass,
                    Confidence = recommendation.Confidence ?? 0,
                    OomKills = recommendation.OomKills ?? 0,
                    Reasons = [.. recommendation.Reasons ?? []],
                    From = to - (long)window.TotalSeconds,
                    To = to,
                });
            }
        }

        return [.. entries
            .OrderBy(e => e.Namespace, StringComparer.Ordinal)
            .ThenBy(e => e.Workload, StringComparer.Ordinal)
            .ThenBy(e => e.Container, StringComparer.Ordinal)];
    }
}
