namespace RightSizer.Operator.Runtime;

/// <summary>
/// A keyed, de-duplicating work queue in the manner of client-go's: a key added while waiting is not added twice; a key
/// added while a worker holds it is handed out again only after <see cref="Done"/>, so one key is never reconciled by two
/// workers at once; <see cref="AddAfter"/> keeps the earliest pending deadline per key. Delays run on the injected
/// <see cref="TimeProvider"/>. <see cref="WhenIdleAsync"/> tells when a burst of work is over.
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, (DateTimeOffset Due, ITimer Timer)> _delayed = [];
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private readonly SemaphoreSlim _ready = new(0);
    private readonly CancellationTokenSource _stopped = new();
    private readonly TimeProvider _time;
    private bool _shutDown;

    public WorkQueue(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Keys waiting to be taken (not counting delayed ones nor those being processed).</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Keys scheduled by <see cref="AddAfter"/> and not yet due.</summary>
    public int Delayed
    {
        get
        {
            lock (_lock)
            {
                return _delayed.Count;
            }
        }
    }

    public void Add(TKey key)
    {
        lock (_lock)
        {
            if (_shutDown || !_dirty.Add(key))
            {
                return;
            }

            if (_processing.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _ready.Release();
    }

    /// <summary>Adds the key once the delay has passed; a later call with an earlier deadline wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_shutDown)
            {
                return;
            }

            var due = _time.GetUtcNow() + delay;
            if (_delayed.TryGetValue(key, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }

                pending.Timer.Dispose();
            }

            var timer = _time.CreateTimer(_ => Fire(key, due), null, delay, Timeout.InfiniteTimeSpan);
            _delayed[key] = (due, timer);
        }
    }

    /// <summary>Waits for a key; the caller must call <see cref="Done"/> with it when finished.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled or the queue shut down.</exception>
    public async Task<TKey> TakeAsync(CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopped.Token);
        while (true)
        {
            await _ready.WaitAsync(either.Token).ConfigureAwait(false);
            lock (_lock)
            {
                if (_shutDown)
                {
                    throw new OperationCanceledException("the work queue has shut down");
                }

                if (_queue.TryDequeue(out var key))
                {
                    _dirty.Remove(key);
                    _processing.Add(key);
                    return key;
                }
            }
        }
    }

    public void Done(TKey key)
    {
        bool again;
        TaskCompletionSource[] idle = [];
        lock (_lock)
        {
            _processing.Remove(key);
            again = !_shutDown && _dirty.Contains(key);
            if (again)
            {
                _queue.Enqueue(key);
            }
            else
            {
                idle = TakeIdleWaiters();
            }
        }

        if (again)
        {
            _ready.Release();
        }

        foreach (var waiter in idle)
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>
    /// Completes once no key is waiting and none is being processed (keys scheduled for later do not count): at once
    /// when that is so already, else when the last worker hands its key back.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled or the queue shut down.</exception>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (_shutDown)
            {
                return Task.FromCanceled(_stopped.Token);
            }

            if (_queue.Count == 0 && _processing.Count == 0)
            {
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Add(waiter);
        }

        return cancellationToken.CanBeCanceled ? WaitIdleAsync(waiter, cancellationToken) : waiter.Task;
    }

    // A wait given up takes its waiter out, so that waits cancelled while the queue stays busy do not pile up.
    private async Task WaitIdleAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        try
        {
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lock (_lock)
            {
                _idleWaiters.Remove(waiter);
            }

            throw;
        }
    }

    /// <summary>Stops handing out keys; waiting takers get <see cref="OperationCanceledException"/>.</summary>
    public void ShutDown()
    {
        TaskCompletionSource[] idle;
        lock (_lock)
        {
            if (_shutDown)
            {
                return;
            }

            _shutDown = true;
            foreach (var (_, pending) in _delayed)
            {
                pending.Timer.Dispose();
            }

            _delayed.Clear();
            idle = [.. _idleWaiters];
            _idleWaiters.Clear();
        }

        _stopped.Cancel();
        foreach (var waiter in idle)
        {
            waiter.TrySetCanceled(_stopped.Token);
        }
    }

    public void Dispose()
    {
        ShutDown();
        _ready.Dispose();
        _stopped.Dispose();
    }

    // Under the lock: the waiters to complete when the queue has just become idle, none otherwise.
    private TaskCompletionSource[] TakeIdleWaiters()
    {
        if (_queue.Count > 0 || _processing.Count > 0 || _idleWaiters.Count == 0)
        {
            return [];
        }

        TaskCompletionSource[] idle = [.. _idleWaiters];
        _idleWaiters.Clear();
        return idle;
    }

    private void Fire(TKey key, DateTimeOffset due)
    {
        lock (_lock)
        {
            if (!_delayed.TryGetValue(key, out var pending) || pending.Due != due)
            {
                return;
            }

            pending.Timer.Dispose();
            _delayed.Remove(key);
        }

        Add(key);
    }
}
