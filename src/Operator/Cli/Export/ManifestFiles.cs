using RightSizer.Operator.Export;
using YamlDotNet.Core;

namespace RightSizer.Operator.Cli.Export;

/// <summary>The YAML files under a folder (recursively, in ordinal path order) and the workloads they declare.</summary>
public static class ManifestFiles
{
    public static IReadOnlyList<string> Find(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliInputException($"{folder}: no such folder");
        }

        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is not ("kustomization.yaml" or "kustomization.yml"))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Every workload the files declare, each with the file it is in.</summary>
    public static IReadOnlyList<(string File, WorkloadManifest Manifest)> Scan(IReadOnlyList<string> files)
    {
        var found = new List<(string, WorkloadManifest)>();
        foreach (var file in files)
        {
            try
            {
                found.AddRange(ManifestScanner.Scan(File.ReadAllText(file)).Select(w => (file, w.Manifest)));
            }
            catch (YamlException e)
            {
                throw new CliInputException($"{file}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}");
            }
        }

        return found;
    }
}
