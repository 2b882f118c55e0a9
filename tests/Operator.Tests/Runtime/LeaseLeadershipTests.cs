using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Tests.Runtime;

public sealed class LeaseLeadershipTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly LeaseTimings Timings = new();

    [Test]
    public async Task RunAsync_NoLease_CreatesItAndLeads()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryLeaseStore();
        using var a = new Replica(store, "a", time);

        await a.RoundAsync();

        Assert.That(a.Leadership.IsLeader, Is.True);
        Assert.That(a.Leadership.WaitUntilLeaderAsync(CancellationToken.None).IsCompleted, Is.True);
        Assert.That(store.Record!.HolderIdentity, Is.EqualTo("a"));
        await a.StopAsync();
    }

    [Test]
    public async Task RunAsync_OtherHolderRenewing_NeverLeads()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryLeaseStore();
        using var a = new Replica(store, "a", time);
        await a.RoundAsync();
        using var b = new Replica(store, "b", time);
        await b.RoundAsync();

        for (var i = 0; i < 20; i++)
        {
            time.Advance(Timings.RetryPeriod);
            await a.RoundAsync();
            await b.RoundAsync();
        }

        Assert.That(b.Leadership.IsLeader, Is.False);
        Assert.That(a.Leadership.IsLeader, Is.True);
        await a.StopAsync();
        await b.StopAsync();
    }

    [Test]
    public async Task RunAsync_LeaderPartitioned_StopsLeadingBeforeStandbyTakesOver()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryLeaseStore();
        using var a = new Replica(store, "a", time);
        await a.RoundAsync();
        using var b = new Replica(store, "b", time);
        await b.RoundAsync();
        a.Lock.Partitioned = true;

        var aStoppedAt = TimeSpan.Zero;
        var bLeadsAt = TimeSpan.Zero;
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(40) && bLeadsAt == TimeSpan.Zero;)
        {
            time.Advance(Timings.RetryPeriod);
            elapsed += Timings.RetryPeriod;
            if (!a.Leadership.Lost.IsCancellationRequested)
            {
                await a.RoundAsync();
            }

            await b.RoundAsync();
            if (a.Leadership.Lost.IsCancellationRequested && aStoppedAt == TimeSpan.Zero)
            {
                aStoppedAt = elapsed;
            }

            if (b.Leadership.IsLeader)
            {
                bLeadsAt = elapsed;
            }
        }

        Assert.That(aStoppedAt, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(Timings.RenewDeadline + Timings.RetryPeriod));
        Assert.That(bLeadsAt, Is.GreaterThan(aStoppedAt), "the old leader stops before the new one starts: no double action");
        Assert.That(bLeadsAt, Is.LessThanOrEqualTo(Timings.LeaseDuration + Timings.RetryPeriod));
        Assert.That(store.Record!.LeaderTransitions, Is.EqualTo(1));
        await b.StopAsync();
    }

    [Test]
    public async Task RunAsync_LeaderStops_ReleasesAndStandbyLeadsAtNextRound()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryLeaseStore();
        using var a = new Replica(store, "a", time);
        await a.RoundAsync();
        using var b = new Replica(store, "b", time);
        await b.RoundAsync();

        await a.StopAsync();
        time.Advance(Timings.RetryPeriod);
        await b.RoundAsync();

        Assert.That(a.Leadership.IsLeader, Is.False);
        Assert.That(b.Leadership.IsLeader, Is.True, "a released lease is taken without waiting out its duration");
        await b.StopAsync();
    }

    /// <summary>One replica's leadership loop, with a signal per completed round.</summary>
    private sealed class Replica : IDisposable
    {
        private readonly Channel<bool> _rounds = Channel.CreateUnbounded<bool>();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public Replica(InMemoryLeaseStore store, string identity, TimeProvider time)
        {
            Lock = store.For(identity);
            Leadership = new LeaseLeadership(Lock, Timings, time, NullLogger.Instance);
            Leadership.RoundCompleted += (_, held) => _rounds.Writer.TryWrite(held);
            _run = Leadership.RunAsync(_stop.Token);
        }

        public InMemoryLeaseStore.LockClient Lock { get; }

        public LeaseLeadership Leadership { get; }

        public async Task RoundAsync() => await _rounds.Reader.ReadAsync().AsTask().WaitAsync(Wait);

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _run.WaitAsync(Wait);
        }

        public void Dispose()
        {
            _stop.Dispose();
            Leadership.Dispose();
        }
    }
}
