using k8s;
using k8s.Models;
using RightSizer.Testing.KubeApi;

namespace RightSizer.Testing.Tests.KubeApi;

/// <summary>Several clients watching the same resource each get every change (two operator replicas do).</summary>
public sealed class WatchFanOutTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Watch_TwoClientsSameResource_BothGetTheChange()
    {
        await using var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, "default");
        using var cancel = new CancellationTokenSource(Deadline);
        var watching = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        var watches = watching.Select(started => Task.Run(async () =>
        {
            var seen = new List<string>();
            await foreach (var (_, item) in server.CreateClient().CoreV1.WatchListNamespacedConfigMapAsync("default", cancellationToken: cancel.Token))
            {
                seen.Add(item.Metadata.Name);
                started.TrySetResult();
                if (item.Metadata.Name == "b")
                {
                    break;
                }
            }

            return seen;
        })).ToList();
        await Task.WhenAll(watching.Select(w => w.Task)).WaitAsync(cancel.Token);

        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "b" } }, "default", cancellationToken: cancel.Token);
        var seen = await Task.WhenAll(watches);

        Assert.That(seen, Is.All.EqualTo(new[] { "a", "b" }), "each watch got the live change, not only the initial state");
    }
}
