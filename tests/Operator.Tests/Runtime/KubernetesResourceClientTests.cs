using k8s;
using k8s.Models;
using RightSizer.Operator.Runtime;
using RightSizer.Testing.KubeApi;

namespace RightSizer.Operator.Tests.Runtime;

/// <summary>The paginated list of the built-in kinds, against the local API server with the real KubernetesClient.</summary>
public sealed class KubernetesResourceClientTests
{
    private const string Namespace = "team-a";

    [Test]
    public async Task ListAsync_MorePodsThanAPage_ReadsEveryPageAtTheFirstPagesVersion()
    {
        const int Pods = PagedList.PageSize * 2 + 1;
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateControllers = false, SimulateNodes = false });
        var client = server.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        await Parallel.ForEachAsync(Enumerable.Range(0, Pods), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, token) =>
            await client.CoreV1.CreateNamespacedPodAsync(Pod($"p{i:D4}"), Namespace, cancellationToken: token));
        var versionAfterCreates = (await client.CoreV1.ListNamespacedPodAsync(Namespace, limit: 1)).Metadata.ResourceVersion;
        var listsBefore = server.Requests.Count(r => r.Verb == "list" && r.Resource == "pods");

        var (items, resourceVersion) = await BuiltInResourceClients.Pods(client).ListAsync(null, CancellationToken.None);

        var lists = server.Requests.Count(r => r.Verb == "list" && r.Resource == "pods") - listsBefore;
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(p => p.Metadata.Name).Distinct().Count(), Is.EqualTo(Pods), "every pod once");
            Assert.That(lists, Is.EqualTo(3), "two full pages and one of a single pod");
            Assert.That(resourceVersion, Is.EqualTo(versionAfterCreates), "the watch resumes from the version the pages were served at");
        });
    }

    private static V1Pod Pod(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "registry.example/app:1" }] },
    };
}
