using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>The repository's own manifests through the real kubectl, as a user applies them to a cluster.</summary>
public sealed class RepositoryManifestTests
{
    [Test]
    public async Task Apply_ConfigCrdsThenSamples_CreatedThenUnchangedAndServerSide()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        var kubectl = new Kubectl(server);
        var ns = await kubectl.RunWithInputAsync("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n", "create", "-f", "-");
        Assert.That(ns.ExitCode, Is.Zero, ns.ToString());

        var crds = await kubectl.RunAsync("apply", "-f", RepositoryRoot.Of("config/crds/rightsizer.io_memorypolicies.yaml"));
        var samples = await kubectl.RunAsync("apply", "-n", "shop", "-f", RepositoryRoot.Of("config/samples/rightsizer_v1alpha1_memorypolicy_deployment_off.yaml"));
        var again = await kubectl.RunAsync("apply", "-n", "shop", "-f", RepositoryRoot.Of("config/samples/rightsizer_v1alpha1_memorypolicy_deployment_off.yaml"));
        var serverSide = await kubectl.RunAsync("apply", "--server-side", "-f", RepositoryRoot.Of("config/crds/rightsizer.io_memorypolicies.yaml"));
        var modes = await kubectl.RunAsync("get", "mp", "-n", "shop", "-o", "jsonpath={.items[*].spec.mode}");

        Assert.That(crds.StdOut, Does.Contain("customresourcedefinition.apiextensions.k8s.io/memorypolicies.rightsizer.io created"), crds.ToString());
        Assert.That(samples.StdOut, Does.Contain("memorypolicy.rightsizer.io/web created"), samples.ToString());
        Assert.That(again.StdOut, Does.Contain("memorypolicy.rightsizer.io/web unchanged"), again.ToString());
        Assert.That(serverSide.StdOut, Does.Contain("customresourcedefinition.apiextensions.k8s.io/memorypolicies.rightsizer.io serverside-applied"), serverSide.ToString());
        Assert.That(modes.StdOut, Is.EqualTo("Off"));
    }
}
