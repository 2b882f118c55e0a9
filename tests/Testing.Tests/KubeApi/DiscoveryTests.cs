using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>kubectl (dispatched by /version) finds the built-in kinds through aggregated discovery.</summary>
public sealed class DiscoveryTests
{
    [TestCase("1.33", "v1.33")]
    [TestCase("1.32", "v1.32")]
    [TestCase("1.35", "v1.32")]
    public async Task Version_ServerMinor_DispatchesMatchingKubectl(string serverVersion, string kubectlPrefix)
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { Version = serverVersion });
        var kubectl = new Kubectl(server);

        var result = await kubectl.RunAsync("version", "-o", "json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdOut, Does.Contain($"\"gitVersion\": \"v{serverVersion}.0\""));
        Assert.That(result.StdOut, Does.Contain($"\"gitVersion\": \"{kubectlPrefix}"));
    }

    [Test]
    public async Task ApiResources_BuiltIns_ListedWithShortNames()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        var kubectl = new Kubectl(server);

        var result = await kubectl.RunAsync("api-resources");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdOut, Does.Match(@"pods\s+po\s+v1\s+true\s+Pod"));
        Assert.That(result.StdOut, Does.Match(@"poddisruptionbudgets\s+pdb\s+policy/v1\s+true\s+PodDisruptionBudget"));
        Assert.That(result.StdOut, Does.Match(@"customresourcedefinitions\s+crd,crds\s+apiextensions.k8s.io/v1\s+false\s+CustomResourceDefinition"));
    }

    [Test]
    public async Task GetNamespaces_FreshCluster_TableWithStatusAndAge()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        var kubectl = new Kubectl(server);

        var result = await kubectl.RunAsync("get", "namespaces");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdOut, Does.Match(@"NAME\s+STATUS\s+AGE"));
        Assert.That(result.StdOut, Does.Match(@"kube-system\s+Active\s+\d+s"));
    }
}
