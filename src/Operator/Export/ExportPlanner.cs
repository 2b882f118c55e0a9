namespace RightSizer.Operator.Export;

/// <summary>
/// Groups container proposals into workload patches: today's values taken from the manifests when given (they are
/// what the patch applies to), containers a manifest does not declare left out, and workloads whose every change is
/// below <see cref="MinChange"/> skipped. The order is stable so that an unchanged run writes the same bytes.
/// </summary>
public static class ExportPlanner
{
    /// <param name="manifests">The workloads' manifests, or null to patch blind (no positions, no values of today).</param>
    public static ExportPlan Plan(IEnumerable<ContainerProposal> proposals, IReadOnlyList<WorkloadManifest>? manifests, MinChange minChange)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(minChange);
        var patches = new List<WorkloadPatch>();
        var skipped = new List<string>();
        foreach (var workload in proposals.GroupBy(p => p.Workload).OrderBy(g => g.Key))
        {
            WorkloadManifest? manifest = null;
            if (manifests is not null)
            {
                var declared = manifests.Where(m => m.Declares(workload.Key)).ToList();
                if (declared.Count != 1)
                {
                    skipped.Add(declared.Count == 0
                        ? $"{workload.Key}: no manifest declares it"
                        : $"{workload.Key}: declared {declared.Count} times in the manifests");
                    continue;
                }

                manifest = declared[0];
            }

            var containers = new List<ContainerProposal>();
            foreach (var proposal in workload.OrderBy(p => p.Container, StringComparer.Ordinal))
            {
                if (manifest is null)
                {
                    containers.Add(proposal);
                    continue;
                }

                var declared = manifest.Containers.FirstOrDefault(c => c.Name == proposal.Container);
                if (declared is null)
                {
                    skipped.Add($"{workload.Key}: container {proposal.Container} is not in its manifest");
                    continue;
                }

                containers.Add(proposal with
                {
                    CurrentRequest = declared.Request,
                    CurrentLimit = declared.Limit,
                    HeapEnv = HeapEnvAgainst(declared, proposal, workload.Key, skipped),
                });
            }

            if (containers.Count == 0)
            {
                continue;
            }

            if (containers.All(minChange.IsBelow))
            {
                skipped.Add($"{workload.Key}: {(containers.All(c => c.ChangesNothing) ? "already at the proposed values" : "change below --min-change")}");
                continue;
            }

            patches.Add(new WorkloadPatch(workload.Key, containers, manifest));
        }

        return new ExportPlan(patches, skipped);
    }

    /// <summary>
    /// The heap variables that still need setting once merged with the manifest's: equal ones dropped, ones the
    /// user sets through <c>valueFrom</c> left to the user.
    /// </summary>
    private static IReadOnlyList<KeyValuePair<string, string>> HeapEnvAgainst(
        ManifestContainer declared, ContainerProposal proposal, WorkloadRef workload, List<string> skipped)
    {
        var needed = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in proposal.HeapEnv)
        {
            var existing = declared.Env?.FirstOrDefault(e => e.Key == name);
            if (existing is { Key: not null, Value: null })
            {
                skipped.Add($"{workload}: container {proposal.Container} sets {name} through valueFrom; left as it is");
                continue;
            }

            var merged = HeapEnvMerge.Merge(name, existing?.Value, value);
            if (merged != existing?.Value)
            {
                needed.Add(new(name, merged));
            }
        }

        return needed;
    }
}
