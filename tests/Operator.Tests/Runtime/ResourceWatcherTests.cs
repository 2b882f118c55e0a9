using System.Diagnostics.Metrics;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RightSizer.Operator.Runtime;
using static RightSizer.Operator.Tests.Runtime.ScriptedResourceClient;

namespace RightSizer.Operator.Tests.Runtime;

public sealed class ResourceWatcherTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Test]
    public async Task RunAsync_StreamEndsAfterBookmark_ResumesFromBookmarkVersion()
    {
        var client = new ScriptedResourceClient()
            .List("10", Object("a", "9"))
            .Watch((WatchEventType.Added, Object("b", "11")), (WatchEventType.Bookmark, Object(string.Empty, "15")));

        var (cache, watcher) = await RunUntilExhaustedAsync(client);

        Assert.That(client.WatchedFrom, Is.EqualTo(new[] { "10", "15" }));
        Assert.That(watcher.Lists, Is.EqualTo(1), "a closed stream resumes without a relist");
        Assert.That(cache.List("default").Select(o => o.Metadata.Name), Is.EquivalentTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task RunAsync_ExpiredInStream_RelistsAndDropsDeletedObjects()
    {
        var gone = new KubernetesException(new V1Status { Code = 410, Reason = "Expired", Message = "too old resource version: 10 (106)" });
        var client = new ScriptedResourceClient()
            .List("10", Object("a", "9"), Object("b", "8"))
            .WatchWithStatus(gone)
            .List("106", Object("a", "100"));

        var (cache, watcher) = await RunUntilExhaustedAsync(client);

        Assert.That(watcher.Lists, Is.EqualTo(2));
        Assert.That(client.WatchedFrom, Is.EqualTo(new[] { "10", "106" }));
        Assert.That(cache.List("default").Select(o => o.Metadata.Name), Is.EqualTo(new[] { "a" }), "b vanished while the watch was expired");
    }

    [Test]
    public async Task RunAsync_GoneResponse_Relists()
    {
        var gone = new HttpOperationException("gone")
        {
            Response = new HttpResponseMessageWrapper(new HttpResponseMessage(System.Net.HttpStatusCode.Gone), string.Empty),
        };
        var client = new ScriptedResourceClient().List("10").WatchThrows(gone).List("20");

        var (_, watcher) = await RunUntilExhaustedAsync(client);

        Assert.That(client.WatchedFrom, Is.EqualTo(new[] { "10", "20" }));
        Assert.That(watcher.Lists, Is.EqualTo(2));
    }

    [Test]
    public async Task RunAsync_IdleWatchClosedBeforeFirstEvent_ResumesSameVersionWithoutBackoff()
    {
        // KubernetesClient peeks the first line before returning: a stream closed with none throws from the enumeration.
        var idle = new HttpRequestException("Error while copying content to a stream.", new EndOfStreamException());
        var client = new ScriptedResourceClient().List("10").WatchThrows(idle);

        var (_, watcher) = await RunUntilExhaustedAsync(client, advance: false);

        Assert.That(client.WatchedFrom, Is.EqualTo(new[] { "10", "10" }));
        Assert.That(watcher.Lists, Is.EqualTo(1));
    }

    [Test]
    public async Task RunAsync_ConnectionRefused_BacksOffThenResumes()
    {
        var client = new ScriptedResourceClient()
            .List("10")
            .WatchThrows(new HttpRequestException("connection refused"))
            .Watch((WatchEventType.Modified, Object("a", "12")));
        var time = new FakeTimeProvider();

        var (cache, _) = await RunUntilExhaustedAsync(client, time: time);

        Assert.That(client.WatchedFrom, Is.EqualTo(new[] { "10", "10", "12" }));
        Assert.That(time.GetUtcNow() - new FakeTimeProvider().GetUtcNow(), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), "waited at least the initial backoff");
        Assert.That(cache.Get("default", "a")!.Metadata.ResourceVersion, Is.EqualTo("12"));
    }

    private static async Task<(ResourceCache<V1ConfigMap> Cache, ResourceWatcher<V1ConfigMap> Watcher)> RunUntilExhaustedAsync(
        ScriptedResourceClient client, bool advance = true, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new ControllerMetrics(services.GetRequiredService<IMeterFactory>());
        var cache = new ResourceCache<V1ConfigMap>();
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.1, new Random(3));
        var watcher = new ResourceWatcher<V1ConfigMap>(client, cache, null, backoff, new Random(3), time, metrics, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(stop.Token);

        // The backoff waits on the fake clock: move it on until the script has been played (bounded by Wait).
        var waited = TimeSpan.Zero;
        while (!client.Exhausted.Task.IsCompleted && waited < Wait)
        {
            if (advance)
            {
                time.Advance(TimeSpan.FromMilliseconds(500));
            }

            await Task.WhenAny(client.Exhausted.Task, Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System));
            waited += TimeSpan.FromMilliseconds(10);
        }

        Assert.That(client.Exhausted.Task.IsCompleted, Is.True, "the watcher played the whole script");
        await stop.CancelAsync();
        await run.WaitAsync(Wait);
        return (cache, watcher);
    }
}
