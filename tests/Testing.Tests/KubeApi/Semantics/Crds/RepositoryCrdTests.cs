using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Crds;
using RightSizer.Testing.KubeApi.Semantics.CustomResources;
using RightSizer.Testing.KubeApi.Semantics.Yaml;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Crds;

public sealed class RepositoryCrdTests
{
    private static JsonObject Crd() =>
        (JsonObject)KubeYaml.ReadDocuments(File.ReadAllText(RepositoryRoot.Of("config/crds/rightsizer.io_memorypolicies.yaml")))[0];

    private static IEnumerable<TestCaseData> Samples() =>
        Directory.GetFiles(RepositoryRoot.Of("config/samples"), "rightsizer_v1alpha1_memorypolicy_*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileName(path)).SetName("Validate_Sample_" + Path.GetFileNameWithoutExtension(path) + "_Accepted"));

    [Test]
    public void Validate_ConfigCrdsAsKubectlReadsThem_AcceptedAsByApiextensions()
    {
        var errors = CrdValidator.Validate(Crd()).Select(e => e.ToString());

        Assert.That(errors, Is.Empty);
    }

    [TestCaseSource(nameof(Samples))]
    public void Validate_Sample_Table(string file)
    {
        var version = Crd()["spec"]!["versions"]![0]!;
        var schema = new CustomResourceSchema("rightsizer.io", "v1alpha1", "MemoryPolicy", (JsonObject)version["schema"]!["openAPIV3Schema"]!);
        var sample = KubeYaml.ReadObjects(File.ReadAllText(RepositoryRoot.Of(Path.Combine("config/samples", file))))[0];

        var decoded = schema.Decode(sample, FieldValidation.Strict);

        Assert.That(schema.Validate(decoded.Object).Select(e => e.ToString()), Is.Empty);
    }
}
