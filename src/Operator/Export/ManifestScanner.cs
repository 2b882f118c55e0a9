using RightSizer.Api.Units;
using RightSizer.Operator.Export.Yaml;

namespace RightSizer.Operator.Export;

/// <summary>
/// Finds the Deployments, StatefulSets, DaemonSets and CronJobs in a YAML text (any number of documents) and what
/// each declares for its containers. Other documents, and workloads whose containers are not a plain list of maps,
/// are passed over.
/// </summary>
public static class ManifestScanner
{
    /// <exception cref="YamlDotNet.Core.YamlException">The text is not valid YAML.</exception>
    public static IReadOnlyList<ScannedWorkload> Scan(string text) =>
        [.. YamlDocuments.Read(text).OfType<YamlMapping>().Select(Scan).OfType<ScannedWorkload>()];

    private static ScannedWorkload? Scan(YamlMapping document)
    {
        if (!WorkloadKinds.TryCanonical(document.GetText("kind"), out var kind)
            || document.GetText("kind") != kind
            || document.Get("metadata") is not YamlMapping metadata
            || metadata.GetText("name") is not { Length: > 0 } name)
        {
            return null;
        }

        YamlNode? node = document;
        foreach (var key in WorkloadKinds.PodSpecPath(kind))
        {
            node = (node as YamlMapping)?.Get(key);
        }

        if ((node as YamlMapping)?.Get("containers") is not YamlSequence containers)
        {
            return null;
        }

        var nodes = new List<YamlMapping>();
        var declared = new List<ManifestContainer>();
        for (var index = 0; index < containers.Items.Count; index++)
        {
            if (containers.Items[index] is YamlMapping container && container.GetText("name") is { Length: > 0 } containerName)
            {
                nodes.Add(container);
                declared.Add(Describe(container, containerName, index));
            }
        }

        return new ScannedWorkload(
            new WorkloadManifest(kind, name, metadata.GetText("namespace"), declared), nodes, YamlDocuments.AliasedAnchors(document));
    }

    private static ManifestContainer Describe(YamlMapping container, string name, int index)
    {
        var resources = container.Get("resources") as YamlMapping;
        var requests = resources?.Get("requests") as YamlMapping;
        var limits = resources?.Get("limits") as YamlMapping;
        return new ManifestContainer(
            name,
            index,
            resources is not null,
            requests is not null,
            limits is not null,
            Quantity(requests?.GetText("memory")),
            Quantity(limits?.GetText("memory")),
            container.Get("env") is YamlSequence env ? [.. env.Items.OfType<YamlMapping>().Select(Env)] : null);
    }

    private static KeyValuePair<string, string?> Env(YamlMapping entry) =>
        new(entry.GetText("name") ?? string.Empty, entry.Get("valueFrom") is null ? entry.GetText("value") ?? string.Empty : null);

    private static Memory? Quantity(string? text) => Memory.TryParse(text, out var memory) ? memory : null;
}
