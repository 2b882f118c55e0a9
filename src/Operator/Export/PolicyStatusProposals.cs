using RightSizer.Api.Units;

namespace RightSizer.Operator.Export;

/// <summary>
/// Turns MemoryPolicy statuses into container proposals with the evidence the status carries (window covered,
/// samples, confidence, OOM kills, trend; no peak and no percentile, which only a live run knows). Policies without
/// a patchable target and containers without a recommended request are listed as skipped, with the reason.
/// </summary>
public static class PolicyStatusProposals
{
    public static (IReadOnlyList<ContainerProposal> Proposals, IReadOnlyList<string> Skipped) From(IEnumerable<StoredPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var proposals = new List<ContainerProposal>();
        var skipped = new List<string>();
        foreach (var policy in policies.OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var id = $"MemoryPolicy {policy.Namespace}/{policy.Name}";
            if (policy.TargetName is null || !WorkloadKinds.TryCanonical(policy.TargetKind, out var kind))
            {
                skipped.Add(policy.TargetName is null
                    ? $"{id}: a selector policy names no single workload to patch"
                    : $"{id}: {policy.TargetKind} {policy.TargetName} is not patchable (one of {string.Join(", ", WorkloadKinds.All)})");
                continue;
            }

            if (policy.Recommendations.Count == 0)
            {
                skipped.Add($"{id}: no recommendation in its status yet");
                continue;
            }

            var workload = new WorkloadRef(policy.Namespace, kind, policy.TargetName);
            foreach (var recommendation in policy.Recommendations)
            {
                var container = recommendation.ContainerName ?? "";
                if (!Memory.TryParse(recommendation.Request, out var request))
                {
                    skipped.Add($"{id}: container {container}: not sized ({recommendation.Reasons?.FirstOrDefault() ?? "no request recommended"})");
                    continue;
                }

                proposals.Add(new ContainerProposal(workload, container, request, Memory.TryParse(recommendation.Limit, out var limit) ? limit : null)
                {
                    HeapEnv = [.. (recommendation.Heap?.Env ?? new Dictionary<string, string>()).OrderBy(e => e.Key, StringComparer.Ordinal)],
                    Evidence = new ContainerEvidence
                    {
                        WindowCovered = PromDuration.TryParse(recommendation.WindowCovered ?? "", out var window, out _) ? window : null,
                        Samples = recommendation.Samples,
                        TrendPerDay = Memory.TryParse(recommendation.Trend?.SlopePerDay, out var slope) ? slope : null,
                        TrendSignificant = recommendation.Trend?.Significant ?? false,
                        Confidence = recommendation.Confidence,
                        OomKills = recommendation.OomKills,
                    },
                });
            }
        }

        return (proposals, skipped);
    }
}
