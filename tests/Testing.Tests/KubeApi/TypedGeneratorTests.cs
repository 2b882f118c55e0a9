using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>
/// kubectl's typed generators (create namespace, create deployment) send protobuf bodies; without a protobuf
/// serializer the server answers 415 as the real server does for a body it cannot read, and nothing is created.
/// </summary>
public sealed class TypedGeneratorTests
{
    private static readonly object[] Generators =
    [
        new TestCaseData((object)new[] { "create", "namespace", "shop" }).SetName("Create_NamespaceGenerator_415UnsupportedMediaType"),
        new TestCaseData((object)new[] { "create", "deployment", "web", "--image=nginx:1.27" }).SetName("Create_DeploymentGenerator_415UnsupportedMediaType"),
    ];

    [TestCaseSource(nameof(Generators))]
    public async Task Create_TypedGenerator_415UnsupportedMediaType(string[] args)
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var kubectl = new Kubectl(server);

        var result = await kubectl.RunAsync(args);
        var listed = await kubectl.RunAsync("get", args[1], args[2], "-o", "name");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StdErr, Does.Contain(
            "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml"));
        Assert.That(listed.StdErr, Does.Contain("not found"), "a refused body creates nothing");
    }
}
