using k8s;
using k8s.Autorest;
using k8s.Models;
using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>The same server through KubernetesClient 21.0.8: watches, 410 on resume, Lease optimistic concurrency, injected faults.</summary>
public sealed class ClientFlowTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Watch_FromZero_CurrentStateAsAddedThenChanges()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, "default");
        using var cancel = new CancellationTokenSource(Deadline);
        var seen = new List<(WatchEventType, string)>();

        await foreach (var (type, item) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", cancellationToken: cancel.Token))
        {
            seen.Add((type, item.Metadata.Name));
            if (seen.Count == 1)
            {
                await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "b" } }, "default", cancellationToken: cancel.Token);
            }
            else
            {
                break;
            }
        }

        Assert.That(seen, Is.EqualTo(new[] { (WatchEventType.Added, "a"), (WatchEventType.Added, "b") }));
    }

    [Test]
    public async Task Watch_ExpiredResourceVersion_ErrorEventThenStreamEnds()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default");
        server.Faults.ExpireNextWatch();
        var errors = new List<Exception>();
        using var cancel = new CancellationTokenSource(Deadline);

        await foreach (var _ in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: list.Metadata.ResourceVersion, onError: errors.Add, cancellationToken: cancel.Token))
        {
            Assert.Fail("no event expected besides the error");
        }

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(((KubernetesException)errors[0]).Status.Code, Is.EqualTo(410));
        Assert.That(errors[0].Message, Does.StartWith("too old resource version: "));
    }

    [Test]
    public async Task ReplaceLease_StaleResourceVersion_409Conflict()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var client = server.CreateClient();
        var lease = await client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease { Metadata = new V1ObjectMeta { Name = "leader" }, Spec = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 15 } }, "default");
        lease.Spec.HolderIdentity = "b";
        await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", "default");
        lease.Spec.HolderIdentity = "c";

        var conflict = Assert.ThrowsAsync<HttpOperationException>(() => client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", "default"));

        Assert.That((int)conflict.Response.StatusCode, Is.EqualTo(409));
        Assert.That(conflict.Response.Content, Does.Contain("Operation cannot be fulfilled on leases.coordination.k8s.io \\\"leader\\\": the object has been modified; please apply your changes to the latest version and try again"));
    }

    [Test]
    public async Task FailNext_ListPods_500ThenRecordedAndRecovered()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var client = server.CreateClient();
        server.Faults.FailNext("list", "pods", 500);

        var failed = Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedPodAsync("default"));
        var recovered = await client.CoreV1.ListNamespacedPodAsync("default");

        Assert.That((int)failed.Response.StatusCode, Is.EqualTo(500));
        Assert.That(recovered.Items, Is.Empty);
        Assert.That(server.Requests, Has.Exactly(2).EqualTo(new ApiRequestRecord("list", "", "pods", "", "default")));
    }

    [Test]
    public async Task RequestsBy_AddedUserToken_OnlyThatUsersRequests()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        const string user = "system:serviceaccount:rightsizer-system:rightsizer-controller-manager";
        var operatorClient = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(server.AddUser(user)));
        await server.CreateClient().CoreV1.ListNamespacedConfigMapAsync("default");

        await operatorClient.CoreV1.ListNamespacedPodAsync("kube-system");

        Assert.That(server.RequestsBy(user), Is.EqualTo(new[] { new ApiRequestRecord("list", "", "pods", "", "kube-system") }));
        Assert.That(server.Requests, Has.Exactly(1).EqualTo(new ApiRequestRecord("list", "", "configmaps", "", "default")), "the administrator's requests are still recorded");
    }

    [Test]
    public async Task GetCode_KubernetesClient_VersionOfTheServer()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { Version = "1.32", SimulateNodes = false });

        var version = await server.CreateClient().Version.GetCodeAsync();

        Assert.That((version.Major, version.Minor, version.GitVersion), Is.EqualTo(("1", "32", "v1.32.0")));
    }
}
