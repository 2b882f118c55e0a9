using System.Text;

namespace RightSizer.Operator.Export;

/// <summary>
/// <c>--format kustomize</c>: one strategic-merge patch per workload and a <c>kustomization.yaml</c> that lists them
/// (and the base, when one was given, so <c>kubectl kustomize</c> renders the patched workloads).
/// </summary>
public static class KustomizeWriter
{
    public const string KustomizationFile = "kustomization.yaml";

    /// <param name="resources">Paths for the kustomization's <c>resources</c>, relative to the output folder.</param>
    public static IReadOnlyList<ExportFile> Write(ExportPlan plan, IReadOnlyList<string> resources)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(resources);
        var files = plan.Patches
            .Select(p => new ExportFile(PatchFileNames.For(p.Workload, ".yaml"), StrategicMergePatchWriter.Write(p)))
            .ToList();
        files.Add(new ExportFile(KustomizationFile, Kustomization(resources, files.Select(f => f.RelativePath), targets: null)));
        return files;
    }

    /// <summary>A kustomization listing the resources and the patches; with targets for patches that need them.</summary>
    public static string Kustomization(IReadOnlyList<string> resources, IEnumerable<string> patches, IReadOnlyList<WorkloadRef>? targets)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(patches);
        var text = new StringBuilder();
        text.Append(ExportHeader.Line).Append('\n');
        text.Append("apiVersion: kustomize.config.k8s.io/v1beta1\n");
        text.Append("kind: Kustomization\n");
        if (resources.Count > 0)
        {
            text.Append("resources:\n");
            foreach (var resource in resources)
            {
                text.Append("- ").Append(YamlText.Quote(resource)).Append('\n');
            }
        }

        var paths = patches.ToList();
        text.Append(paths.Count == 0 ? "patches: []\n" : "patches:\n");
        for (var i = 0; i < paths.Count; i++)
        {
            text.Append("- path: ").Append(YamlText.Quote(paths[i])).Append('\n');
            if (targets is not null)
            {
                var target = targets[i];
                var apiVersion = WorkloadKinds.ApiVersion(target.Kind).Split('/');
                text.Append("  target:\n");
                text.Append("    group: ").Append(apiVersion[0]).Append('\n');
                text.Append("    version: ").Append(apiVersion[1]).Append('\n');
                text.Append("    kind: ").Append(target.Kind).Append('\n');
                text.Append("    name: ").Append(YamlText.Key(target.Name)).Append('\n');
                text.Append("    namespace: ").Append(YamlText.Key(target.Namespace)).Append('\n');
            }
        }

        return text.ToString();
    }
}
