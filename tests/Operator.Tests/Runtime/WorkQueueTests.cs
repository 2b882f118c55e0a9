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

    [Test]
    public void WhenIdleAsync_NothingQueuedOrHeld_CompletesAtOnce()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(time);
        queue.AddAfter("later", TimeSpan.FromMinutes(5));

        Assert.That(queue.WhenIdleAsync(CancellationToken.None).IsCompletedSuccessfully, Is.True, "a key due later is not work in hand");
    }

    [Test]
    public async Task WhenIdleAsync_KeysQueued_CompletesWhenTheLastIsDone()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider());
        queue.Add("a");
        queue.Add("b");

        var idle = queue.WhenIdleAsync(CancellationToken.None);
        var a = await queue.TakeAsync(CancellationToken.None).WaitAsync(Wait);
        queue.Done(a);
        Assert.That(idle.IsCompleted, Is.False, "b is still queued");

        var b = await queue.TakeAsync(CancellationToken.None).WaitAsync(Wait);
        Assert.That(idle.IsCompleted, Is.False, "b is being processed");
        queue.Done(b);
        await idle.WaitAsync(Wait);
        Assert.That(queue.Depth, Is.Zero);
    }

    [Test]
    public async Task WhenIdleAsync_KeyAddedWhileProcessed_WaitsForItsSecondRound()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider());
        queue.Add("a");
        var first = await queue.TakeAsync(CancellationToken.None).WaitAsync(Wait);
        var idle = queue.WhenIdleAsync(CancellationToken.None);
        queue.Add("a");

        queue.Done(first);
        Assert.That(idle.IsCompleted, Is.False, "a was handed back to the queue");

        var second = await queue.TakeAsync(CancellationToken.None).WaitAsync(Wait);
        queue.Done(second);
        await idle.WaitAsync(Wait);
    }

    [Test]
    public void WhenIdleAsync_QueueShutDown_Cancelled()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider());
        queue.Add("a");
        var idle = queue.WhenIdleAsync(CancellationToken.None);

        queue.ShutDown();

        Assert.That(async () => await idle.WaitAsync(Wait), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(queue.WhenIdleAsync(CancellationToken.None).IsCanceled, Is.True);
    }

    [Test]
    public async Task WhenIdleAsync_WaitCancelledWhileBusy_CancelledAndLaterWaitsStillComplete()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider());
        using var giveUp = new CancellationTokenSource();
        queue.Add("a");
        var abandoned = queue.WhenIdleAsync(giveUp.Token);

        await giveUp.CancelAsync();
        Assert.That(async () => await abandoned.WaitAsync(Wait), Throws.InstanceOf<OperationCanceledException>());

        var idle = queue.WhenIdleAsync(CancellationToken.None);
        queue.Done(await queue.TakeAsync(CancellationToken.None).WaitAsync(Wait));
        await idle.WaitAsync(Wait);
    }
}
