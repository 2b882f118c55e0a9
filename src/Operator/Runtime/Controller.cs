
namespace RightSizer.Operator.Runtime;

/// <summary>
/// Drains a <see cref="WorkQueue{TKey}"/> with N workers, each calling the reconciler for one key at a time. A failed
/// key comes back after a per-key exponential backoff with jitter; a result with RequeueAfter comes back then. Stopping
/// first stops taking keys, then lets in-flight reconciles finish until the abort token fires.
/// </summary>
public sealed partial class Controller
{
    private readonly string _name;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly IReconciler _reconciler;
    private readonly int _workers;
    private readonly Backoff _backoff;
    private readonly TimeProvider _time;
    private readonly ControllerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Dictionary<ObjectKey, int> _failures = [];

    public Controller(
        string name,
        WorkQueue<ObjectKey> queue,
        IReconciler reconciler,
        int workers,
        Backoff backoff,
        TimeProvider time,
        ControllerMetrics metrics,
        ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _name = name;
        _queue = queue;
        _reconciler = reconciler;
        _workers = workers;
        _backoff = backoff;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        metrics.TrackQueue(() => queue.Depth);
    }

    public WorkQueue<ObjectKey> Queue => _queue;

    /// <param name="stopping">Stop taking new keys.</param>
    /// <param name="abort">Cancel reconciles still running (the end of the grace period).</param>
    public Task RunAsync(CancellationToken stopping, CancellationToken abort) =>
        Task.WhenAll(Enumerable.Range(0, _workers).Select(_ => WorkAsync(stopping, abort)));

    private async Task WorkAsync(CancellationToken stopping, CancellationToken abort)
    {
        while (!stopping.IsCancellationRequested)
        {
            ObjectKey key;
            try
            {
                key = await _queue.TakeAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await ProcessAsync(key, abort).ConfigureAwait(false);
            }
            finally
            {
                _queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(ObjectKey key, CancellationToken abort)
    {
        var started = _time.GetTimestamp();
        try
        {
            var result = await _reconciler.ReconcileAsync(key, abort).ConfigureAwait(false);
            Forget(key);
            _metrics.Reconciled(_name, result.RequeueAfter is null ? "success" : "requeue", _time.GetElapsedTime(started));
            if (result.RequeueAfter is { } delay)
            {
                _queue.AddAfter(key, delay);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            _metrics.Reconciled(_name, "aborted", _time.GetElapsedTime(started));
        }
        catch (Exception e)
        {
            var delay = _backoff.Delay(Fail(key));
            _metrics.Reconciled(_name, "error", _time.GetElapsedTime(started));
            LogReconcileFailed(_logger, e, _name, key.ToString(), delay);
            _queue.AddAfter(key, delay);
        }
    }

    private int Fail(ObjectKey key)
    {
        lock (_failures)
        {
            var attempt = _failures.GetValueOrDefault(key);
            _failures[key] = attempt + 1;
            return attempt;
        }
    }

    private void Forget(ObjectKey key)
    {
        lock (_failures)
        {
            _failures.Remove(key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Controller}: reconcile of {Key} failed; retrying in {Delay}")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception, string controller, string key, TimeSpan delay);
}
