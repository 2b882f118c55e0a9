using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;
using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>
/// What the operator's controller runtime relies on, through KubernetesClient 21.0.8 unchanged: a watch resumed from a
/// list's resourceVersion, a relist after 410 Gone, LeaseLock create/renew/conflict, and an eviction refused by a budget.
/// </summary>
public sealed class ClientFidelityTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Watch_ResumedFromListResourceVersion_OnlyLaterChangesInOrder()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default");
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default");
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("b"), "default");
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"v"}}""", V1Patch.PatchType.MergePatch), "a", "default");
        await client.CoreV1.DeleteNamespacedConfigMapAsync("b", "default");
        using var cancel = new CancellationTokenSource(Deadline);
        var seen = new List<string>();

        await foreach (var (type, item) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cancel.Token))
        {
            seen.Add($"{type} {item.Metadata.Name} {(item.Data is { } data && data.TryGetValue("k", out var value) ? value : "")}");
            if (seen.Count == 3)
            {
                break;
            }
        }

        Assert.That(seen, Is.EqualTo(new[] { "Added b ", "Modified a v", "Deleted b " }));
    }

    [Test]
    public async Task Watch_ExpiredThenRelisted_RelistHasMissedObjectAndNewWatchDelivers()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var client = server.CreateClient();
        var first = await client.CoreV1.ListNamespacedConfigMapAsync("default");
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("missed"), "default");
        server.Faults.ExpireNextWatch();
        var errors = new List<Exception>();
        using var cancel = new CancellationTokenSource(Deadline);
        await foreach (var _ in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: first.Metadata.ResourceVersion, onError: errors.Add, cancellationToken: cancel.Token))
        {
            Assert.Fail("an expired watch delivers only its error");
        }

        var relist = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: cancel.Token);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("later"), "default", cancellationToken: cancel.Token);
        var resumed = new List<string>();
        await foreach (var (type, item) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: relist.Metadata.ResourceVersion, cancellationToken: cancel.Token))
        {
            resumed.Add($"{type} {item.Metadata.Name}");
            break;
        }

        Assert.That(((KubernetesException)errors.Single()).Status.Code, Is.EqualTo(410));
        Assert.That(relist.Items.Select(c => c.Metadata.Name), Is.EqualTo(new[] { "missed" }));
        Assert.That(long.Parse(relist.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThan(long.Parse(first.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(resumed, Is.EqualTo(new[] { "Added later" }), "the watch from the relist's resourceVersion does not replay what the list had");
    }

    /// <summary>Regression: watchers shared one event's JsonObject and read it on their own threads; one stream could die mid-write.</summary>
    [Test]
    public async Task Watch_ManyWatchersOneChange_EveryWatcherReceivesIt()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false, SimulateControllers = false });
        var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default");
        using var cancel = new CancellationTokenSource(Deadline);
        var watchers = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            await foreach (var (type, item) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cancel.Token))
            {
                return $"{type} {item.Metadata.Name} {item.Data["k"]}";
            }

            return "stream ended";
        })).ToList();
        while (server.OpenWatches < 32)
        {
            await Task.Yield();
            cancel.Token.ThrowIfCancellationRequested();
        }

        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "shared" }, Data = new Dictionary<string, string> { ["k"] = "v" } }, "default");
        var received = await Task.WhenAll(watchers);

        Assert.That(received, Has.Length.EqualTo(32).And.All.EqualTo("Added shared v"));
    }

    [Test]
    public async Task LeaseLock_CreateRenewAndStaleRenew_StaleRenewRefused()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var client = server.CreateClient();
        var leader = new LeaseLock(client, "default", "rightsizer", "pod-a");
        var rival = new LeaseLock(client, "default", "rightsizer", "pod-b");
        var start = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);

        var created = await leader.CreateAsync(Record("pod-a", start));
        var duplicate = await rival.CreateAsync(Record("pod-b", start));
        var seenByRival = await rival.GetAsync();
        var renewed = await leader.UpdateAsync(Record("pod-a", start.AddSeconds(10)));
        var staleTakeover = await rival.UpdateAsync(Record("pod-b", start.AddSeconds(20)));
        var stored = await client.CoordinationV1.ReadNamespacedLeaseAsync("rightsizer", "default");

        Assert.That(created, Is.True);
        Assert.That(duplicate, Is.False, "a second create of the same Lease is 409 AlreadyExists");
        Assert.That(seenByRival.HolderIdentity, Is.EqualTo("pod-a"));
        Assert.That(renewed, Is.True);
        Assert.That(staleTakeover, Is.False, "the rival's copy has the resourceVersion from before the renewal: 409 Conflict");
        Assert.That(stored.Spec.HolderIdentity, Is.EqualTo("pod-a"));
        Assert.That(stored.Spec.RenewTime, Is.EqualTo(start.AddSeconds(10)));
        Assert.That(server.Requests.Count(r => r == new ApiRequestRecord("update", "coordination.k8s.io", "leases", "", "default")), Is.EqualTo(2));
    }

    [Test]
    public async Task EvictPod_BudgetAllowsNone_429WithDisruptionBudgetCause()
    {
        await using var server = await LocalKubeApiServer.StartAsync();
        server.Nodes.AddNode("node-1", "4Gi", "2");
        var client = server.CreateClient();
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "web-1", Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }] },
        };
        await client.CoreV1.CreateNamespacedPodAsync(pod, "default");
        await client.PolicyV1.CreateNamespacedPodDisruptionBudgetAsync(new V1PodDisruptionBudget
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1PodDisruptionBudgetSpec { MinAvailable = 1, Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } } },
        }, "default");
        await new Kubectl(server).RunAsync("wait", "--for=jsonpath={.status.currentHealthy}=1", "pdb/web", "--timeout=30s");

        var refused = Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodEvictionAsync(
            new V1Eviction { Metadata = new V1ObjectMeta { Name = "web-1", NamespaceProperty = "default" } }, "web-1", "default"));
        var status = JsonSerializer.Deserialize<V1Status>(refused.Response.Content, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

        Assert.That((int)refused.Response.StatusCode, Is.EqualTo(429));
        Assert.That(status.Reason, Is.EqualTo("TooManyRequests"));
        Assert.That(status.Message, Is.EqualTo("Cannot evict pod as it would violate the pod's disruption budget."));
        Assert.That(status.Details.Causes.Select(c => (c.Reason, c.Message)), Is.EqualTo(new[]
        {
            ("DisruptionBudget", "The disruption budget web needs 1 healthy pods and has 1 currently"),
        }));
        Assert.That((await client.CoreV1.ReadNamespacedPodAsync("web-1", "default")).Metadata.DeletionTimestamp, Is.Null);
    }

    private static V1ConfigMap ConfigMap(string name) => new() { Metadata = new V1ObjectMeta { Name = name } };

    private static LeaderElectionRecord Record(string holder, DateTime renewed) => new()
    {
        HolderIdentity = holder,
        LeaseDurationSeconds = 15,
        AcquireTime = renewed,
        RenewTime = renewed,
        LeaderTransitions = 0,
    };
}
