namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>
/// The project's CRD as committed, and a copy a real apiextensions server accepts: YAML 1.1 booleans (Off, True, False)
/// quoted so they stay strings, and the root metadata schema without a description (structural schemas allow nothing
/// there but type). The copy equals the original once the generator emits both.
/// </summary>
internal static class CrdFixtures
{
    public static string CommittedCrd => RepositoryRoot.Of("config/crds/rightsizer.io_memorypolicies.yaml");

    public static string WriteQuotedCrd(string directory)
    {
        var text = File.ReadAllText(CommittedCrd);
        foreach (var word in new[] { "Off", "True", "False" })
        {
            text = text.Replace($"- {word}\n", $"- \"{word}\"\n", StringComparison.Ordinal)
                .Replace($"default: {word}\n", $"default: \"{word}\"\n", StringComparison.Ordinal);
        }

        text = text.Replace("          metadata:\n            description: Standard object metadata.\n", "          metadata:\n", StringComparison.Ordinal);
        var path = Path.Combine(directory, "crd.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    public static string Write(string directory, string name, string yaml)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, yaml);
        return path;
    }
}
