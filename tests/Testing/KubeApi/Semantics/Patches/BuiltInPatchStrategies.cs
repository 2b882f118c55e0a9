namespace RightSizer.Testing.KubeApi.Semantics.Patches;

/// <summary>
/// The <c>patchStrategy</c>/<c>patchMergeKey</c> struct tags of the built-in kinds our flows patch (kubernetes/api
/// <c>core/v1</c>, <c>apps/v1</c>, <c>batch/v1</c>, <c>meta/v1</c>), by field path. Pod specs inside workload
/// templates (<c>spec.template.spec</c>, <c>spec.jobTemplate.spec.template.spec</c>) use the pod spec's tags.
/// </summary>
public static class BuiltInPatchStrategies
{
    private static readonly Dictionary<string, ListMergeStrategy> PodSpec = new(StringComparer.Ordinal)
    {
        ["containers"] = new("name"),
        ["initContainers"] = new("name"),
        ["ephemeralContainers"] = new("name"),
        ["volumes"] = new("name", RetainKeys: true),
        ["imagePullSecrets"] = new("name"),
        ["hostAliases"] = new("ip"),
        ["topologySpreadConstraints"] = new("topologyKey"),
        ["resourceClaims"] = new("name"),
        ["schedulingGates"] = new("name"),
    };

    private static readonly Dictionary<string, ListMergeStrategy> Container = new(StringComparer.Ordinal)
    {
        ["env"] = new("name"),
        ["ports"] = new("containerPort"),
        ["volumeMounts"] = new("mountPath"),
        ["volumeDevices"] = new("devicePath"),
    };

    private static readonly Dictionary<string, ListMergeStrategy> Metadata = new(StringComparer.Ordinal)
    {
        ["ownerReferences"] = new("uid"),
        ["finalizers"] = new(null, MergePrimitives: true),
    };

    private static readonly Dictionary<string, ListMergeStrategy> Status = new(StringComparer.Ordinal)
    {
        ["conditions"] = new("type"),
        ["addresses"] = new("type"),
    };

    private static readonly Dictionary<string, ListMergeStrategy> NodeSpec = new(StringComparer.Ordinal)
    {
        ["taints"] = new("key"),
    };

    /// <summary>The strategy of the list at <paramref name="path"/> (field names from the object root, list indexes left out).</summary>
    public static ListMergeStrategy For(string kind, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return ListMergeStrategy.Replace;
        }

        var field = path[^1];
        var parent = path.Take(path.Count - 1).ToList();
        if (parent is ["metadata"] || (parent.Count >= 2 && parent[^1] == "metadata" && parent[^2] == "template"))
        {
            return Lookup(Metadata, field);
        }

        if (parent.Count >= 1 && parent[^1] == "status")
        {
            return Lookup(Status, field);
        }

        if (kind == "Node" && parent is ["spec"])
        {
            return Lookup(NodeSpec, field);
        }

        var podSpecDepth = PodSpecDepth(kind, parent);
        if (podSpecDepth < 0)
        {
            return ListMergeStrategy.Replace;
        }

        var inPodSpec = parent.Skip(podSpecDepth).ToList();
        return inPodSpec switch
        {
            [] => Lookup(PodSpec, field),
            ["containers" or "initContainers" or "ephemeralContainers"] => Lookup(Container, field),
            _ => ListMergeStrategy.Replace,
        };
    }

    /// <summary>How many leading fields lead to the pod spec in this kind; -1 when the path is not inside one.</summary>
    private static int PodSpecDepth(string kind, List<string> parent)
    {
        string[] prefix = kind switch
        {
            "Pod" => ["spec"],
            "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job" or "PodTemplate" or "ReplicationController" => ["spec", "template", "spec"],
            "CronJob" => ["spec", "jobTemplate", "spec", "template", "spec"],
            _ => [],
        };
        return prefix.Length > 0 && parent.Count >= prefix.Length && parent.Take(prefix.Length).SequenceEqual(prefix) ? prefix.Length : -1;
    }

    private static ListMergeStrategy Lookup(Dictionary<string, ListMergeStrategy> table, string field) =>
        table.TryGetValue(field, out var strategy) ? strategy : ListMergeStrategy.Replace;
}
