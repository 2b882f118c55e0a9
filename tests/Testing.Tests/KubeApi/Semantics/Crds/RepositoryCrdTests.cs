using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Crds;
using RightSizer.Testing.KubeApi.Semantics.Yaml;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Crds;

public sealed class RepositoryCrdTests
{
    [Test]
    public void Validate_ConfigCrdsAsKubectlReadsThem_AcceptedAsByApiextensions()
    {
        var crd = (JsonObject)KubeYaml.ReadDocuments(File.ReadAllText(RepositoryRoot.Of("config/crds/rightsizer.io_memorypolicies.yaml")))[0];

        var errors = CrdValidator.Validate(crd).Select(e => e.ToString());

        Assert.That(errors, Is.Empty);
    }
}
