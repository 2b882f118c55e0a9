using Microsoft.Extensions.Time.Testing;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Tests.Runtime;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Add_SameKeyTwiceWhileWaiting_HandedOutOnce()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider());
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");

        Assert.That(queue.Depth, Is.EqualTo(2));
        Assert.That(await queue.TakeAsync(CancellationToken.None).WaitAsync(Wait), Is.EqualTo("a"));
        Assert.That(await queue.TakeAsync(CancellationToken.None).WaitAsync(Wait), Is.EqualTo("b"));
        Assert.That(queue.Depth, Is.Zero);
    }

    [Test]
    public async Task Add_KeyBeingProcessed_HandedOutAgainOnlyAfterDone()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider());
        queue.Add("a");
        var taken = await queue.TakeAsync(CancellationToken.None).WaitAsync(Wait);
        queue.Add("a");

        var second = queue.TakeAsync(CancellationToken.None);
        Assert.That(second.IsCompleted, Is.False, "a key is never held by two workers");

        queue.Done(taken);
        Assert.That(await second.WaitAsync(Wait), Is.EqualTo("a"));
    }

    [Test]
    public async Task AddAfter_DelayPasses_KeyAdded()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(time);
        queue.AddAfter("a", TimeSpan.FromMinutes(5));

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.That(queue.Depth, Is.Zero);
        Assert.That(queue.Delayed, Is.EqualTo(1));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(queue.Depth, Is.EqualTo(1));
        Assert.That(await queue.TakeAsync(CancellationToken.None).WaitAsync(Wait), Is.EqualTo("a"));
    }

    [Test]
    public void AddAfter_EarlierDeadline_Wins()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(time);
        queue.AddAfter("a", TimeSpan.FromMinutes(10));
        queue.AddAfter("a", TimeSpan.FromMinutes(1));
        queue.AddAfter("a", TimeSpan.FromMinutes(30));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(queue.Depth, Is.EqualTo(1));
        Assert.That(queue.Delayed, Is.Zero, "the later deadlines were dropped");
    }

    [Test]
    public void TakeAsync_ShutDown_Throws()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider());
        var waiting = queue.TakeAsync(CancellationToken.None);

        queue.ShutDown();

        Assert.That(async () => await waiting.WaitAsync(Wait), Throws.InstanceOf<OperationCanceledException>());
    }
}
