namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>The project's CRD as committed (the generator quotes YAML 1.1 booleans and leaves the root metadata bare), and files of test YAML.</summary>
internal static class CrdFixtures
{
    public static string CommittedCrd => RepositoryRoot.Of("config/crds/rightsizer.io_memorypolicies.yaml");

    public static string Write(string directory, string name, string yaml)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, yaml);
        return path;
    }
}
