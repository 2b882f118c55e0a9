using System.Text;

namespace RightSizer.Operator.Export;

/// <summary>
/// <c>--format helm-values</c>: one values file keyed by workload name, then container name, each holding the
/// <c>resources</c> block (memory only) and, for JVM and .NET, an <c>env</c> list, so a chart that exposes
/// <c>resources</c> takes a container's block as is (docs/export.md has a worked example). A workload name used in
/// two namespaces or by two kinds is keyed <c>namespace/kind/name</c> instead, so no key is written twice.
/// </summary>
public static class HelmValuesWriter
{
    public const string ValuesFile = "values.yaml";

    public static ExportFile Write(ExportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var shared = plan.Patches.GroupBy(p => p.Workload.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(ExportHeader.Line).Append('\n');
        if (plan.Patches.Count == 0)
        {
            text.Append("{}\n");
        }

        foreach (var patch in plan.Patches.OrderBy(p => Key(p.Workload, shared), StringComparer.Ordinal))
        {
            YamlText.AppendComment(text, string.Empty, EvidenceComment.For(patch));
            text.Append(YamlText.Key(Key(patch.Workload, shared))).Append(":\n");
            foreach (var container in patch.Containers)
            {
                text.Append("  ").Append(YamlText.Key(container.Container)).Append(":\n");
                text.Append("    resources:\n");
                text.Append("      requests:\n");
                text.Append("        memory: ").Append(container.Request.ToQuantity()).Append('\n');
                if (container.Limit is { } limit)
                {
                    text.Append("      limits:\n");
                    text.Append("        memory: ").Append(limit.ToQuantity()).Append('\n');
                }

                if (container.HeapEnv.Count > 0)
                {
                    text.Append("    env:\n");
                    foreach (var (name, value) in container.HeapEnv)
                    {
                        text.Append("    - name: ").Append(YamlText.Key(name)).Append('\n');
                        text.Append("      value: ").Append(YamlText.Quote(value)).Append('\n');
                    }
                }
            }
        }

        return new ExportFile(ValuesFile, text.ToString());
    }

    private static string Key(WorkloadRef workload, HashSet<string> shared) =>
        shared.Contains(workload.Name) ? $"{workload.Namespace}/{workload.Kind}/{workload.Name}" : workload.Name;
}
