using System.Threading.Channels;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Storage;

namespace RightSizer.Testing.KubeApi.Simulation;

/// <summary>
/// The simulated kube-controller-manager: one watch per kind its controllers read, every change coalesced into one
/// pending pass, and each pass reconciling every controller from the current state (level-based). A write that races
/// another writer (404 or 409) schedules another pass, as a requeue does.
/// </summary>
internal sealed class ControllerManager : IAsyncDisposable
{
    private readonly IReadOnlyList<ISimulatedController> _controllers;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<Task> _loops = [];

    public ControllerManager(ObjectStore store, IReadOnlyList<ISimulatedController> controllers, bool enabled)
    {
        _controllers = controllers;
        if (!enabled)
        {
            return;
        }

        foreach (var type in controllers.SelectMany(c => c.Watches).Distinct())
        {
            var watch = store.Watch(type, null, store.CurrentResourceVersion);
            _loops.Add(Task.Run(() => ForwardAsync(watch, _stop.Token)));
        }

        _loops.Add(Task.Run(() => ReconcileLoopAsync(_stop.Token)));
    }

    /// <summary>Asks for a pass, as a change would (after a write made outside the store's watches' view, such as a trigger).</summary>
    public void Requeue() => _changed.Writer.TryWrite(true);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var loop in _loops)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        _stop.Dispose();
    }

    private async Task ForwardAsync(WatchSubscription watch, CancellationToken stop)
    {
        using (watch)
        {
            while (await watch.Live.WaitToReadAsync(stop))
            {
                while (watch.Live.TryRead(out _))
                {
                }

                Requeue();
            }
        }
    }

    private async Task ReconcileLoopAsync(CancellationToken stop)
    {
        while (await _changed.Reader.WaitToReadAsync(stop))
        {
            _changed.Reader.TryRead(out _);
            foreach (var controller in _controllers)
            {
                try
                {
                    await controller.ReconcileAsync(stop);
                }
                catch (ApiStatusException e) when (e.Status.Code is 404 or 409)
                {
                    // Raced with another writer; the change that caused it triggers another pass.
                    Requeue();
                }
            }
        }
    }
}
