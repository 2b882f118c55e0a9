using System.Text;

namespace RightSizer.Operator.Export;

/// <summary>
/// One workload's strategic-merge patch: only the containers' memory request and limit and, for JVM and .NET, the
/// heap environment. Containers and env entries merge by name, so the patch needs no positions and leaves CPU and
/// every other field to the base. When the manifest is known, the containers left as they are are named too, in
/// its order, so that the merge keeps the order of the containers.
/// </summary>
public static class StrategicMergePatchWriter
{
    public static string Write(WorkloadPatch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var workload = patch.Workload;
        var text = new StringBuilder();
        text.Append(ExportHeader.Line).Append('\n');
        YamlText.AppendComment(text, string.Empty, EvidenceComment.For(patch));
        text.Append("apiVersion: ").Append(WorkloadKinds.ApiVersion(workload.Kind)).Append('\n');
        text.Append("kind: ").Append(workload.Kind).Append('\n');
        text.Append("metadata:\n");
        text.Append("  name: ").Append(YamlText.Key(workload.Name)).Append('\n');
        text.Append("  namespace: ").Append(YamlText.Key(workload.Namespace)).Append('\n');
        var indent = string.Empty;
        foreach (var key in WorkloadKinds.PodSpecPath(workload.Kind))
        {
            text.Append(indent).Append(key).Append(":\n");
            indent += "  ";
        }

        text.Append(indent).Append("containers:\n");
        if (patch.Manifest is null)
        {
            foreach (var container in patch.Containers)
            {
                AppendContainer(text, indent + "  ", container);
            }
        }
        else
        {
            // kustomize puts the containers a patch names first; naming every one, in the manifest's order, keeps it.
            foreach (var declared in patch.Manifest.Containers)
            {
                if (patch.Containers.FirstOrDefault(c => c.Container == declared.Name) is { } container)
                {
                    AppendContainer(text, indent + "  ", container);
                }
                else
                {
                    text.Append(indent).Append("  - name: ").Append(YamlText.Key(declared.Name)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static void AppendContainer(StringBuilder text, string indent, ContainerProposal container)
    {
        text.Append(indent).Append("- name: ").Append(YamlText.Key(container.Container)).Append('\n');
        var inner = indent + "  ";
        text.Append(inner).Append("resources:\n");
        text.Append(inner).Append("  requests:\n");
        text.Append(inner).Append("    memory: ").Append(container.Request.ToQuantity()).Append('\n');
        if (container.Limit is { } limit)
        {
            text.Append(inner).Append("  limits:\n");
            text.Append(inner).Append("    memory: ").Append(limit.ToQuantity()).Append('\n');
        }

        if (container.HeapEnv.Count > 0)
        {
            text.Append(inner).Append("env:\n");
            foreach (var (name, value) in container.HeapEnv)
            {
                text.Append(inner).Append("- name: ").Append(YamlText.Key(name)).Append('\n');
                text.Append(inner).Append("  value: ").Append(YamlText.Quote(value)).Append('\n');
            }
        }
    }
}
