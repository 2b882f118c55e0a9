using System.Net;
using k8s.Autorest;
using k8s.LeaderElection;

namespace RightSizer.Operator.Runtime;

/// <summary>
/// Leader election over KubernetesClient's <see cref="ILock"/> (a <c>LeaseLock</c> in production) with the renew
/// loop on the injected <see cref="TimeProvider"/>, since the library's LeaderElector reads the wall clock. The
/// algorithm is client-go's: another holder's lease counts as live until leaseDuration after this replica last saw it
/// change (by this replica's clock, never the record's timestamps); the leader stops leading when it has not renewed
/// within the renew deadline; on shutdown the lease is released so a standby takes over at once.
/// </summary>
public sealed partial class LeaseLeadership : ILeadership, IDisposable
{
    private readonly ILock _lock;
    private readonly LeaseTimings _timings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _leading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lost = new();
    private readonly Lock _gate = new();
    private LeaderElectionRecord? _observed;
    private DateTimeOffset _observedAt;
    private DateTimeOffset? _lastRenew;
    private bool _hasLed;

    public LeaseLeadership(ILock @lock, LeaseTimings timings, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(timings.RenewDeadline, timings.LeaseDuration);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(timings.RetryPeriod, timings.RenewDeadline);
        _lock = @lock;
        _timings = timings;
        _time = time;
        _logger = logger;
    }

    public string Identity => _lock.Identity;

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return !_lost.IsCancellationRequested
                    && _lastRenew is { } renewed
                    && _time.GetUtcNow() - renewed < _timings.RenewDeadline;
            }
        }
    }

    public CancellationToken Lost => _lost.Token;

    /// <summary>The holder last seen in the lease, for logs and tests.</summary>
    public string? ObservedHolder
    {
        get
        {
            lock (_gate)
            {
                return _observed?.HolderIdentity;
            }
        }
    }

    /// <summary>Raised after every acquire-or-renew round with whether the lease is held, for probes and tests.</summary>
    public event EventHandler<bool>? RoundCompleted;

    public Task WaitUntilLeaderAsync(CancellationToken cancellationToken) => _leading.Task.WaitAsync(cancellationToken);

    /// <summary>Acquires, then renews every retry period until cancelled or until leadership is lost.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !_lost.IsCancellationRequested)
        {
            bool acquired;
            try
            {
                acquired = await TryAcquireOrRenewAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException)
            {
                LogLeaseError(_logger, e, _lock.Describe());
                acquired = false;
            }

            Observe(acquired);
            if (_lost.IsCancellationRequested)
            {
                RoundCompleted?.Invoke(this, acquired);
                break;
            }

            // The next round's timer starts before anyone hears of this one, so a test clock advanced on the signal fires it.
            var next = Task.Delay(_timings.RetryPeriod, _time, cancellationToken);
            RoundCompleted?.Invoke(this, acquired);
            try
            {
                await next.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (IsLeader)
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _lost.Dispose();

    private void Observe(bool renewed)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (renewed)
            {
                _lastRenew = now;
                if (!_hasLed)
                {
                    _hasLed = true;
                    LogStartedLeading(_logger, _lock.Identity, _lock.Describe());
                    _leading.TrySetResult();
                }

                return;
            }

            if (!_hasLed || _lastRenew is not { } last || now - last < _timings.RenewDeadline)
            {
                return;
            }
        }

        LogStoppedLeading(_logger, _lock.Identity, _lock.Describe());
        _lost.Cancel();
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var duration = (int)_timings.LeaseDuration.TotalSeconds;
        LeaderElectionRecord current;
        try
        {
            current = await _lock.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            var created = new LeaderElectionRecord
            {
                HolderIdentity = _lock.Identity,
                LeaseDurationSeconds = duration,
                AcquireTime = now.UtcDateTime,
                RenewTime = now.UtcDateTime,
                LeaderTransitions = 0,
            };
            return await _lock.CreateAsync(created, cancellationToken).ConfigureAwait(false);
        }

        var mine = current.HolderIdentity == _lock.Identity;
        lock (_gate)
        {
            if (_observed is null || !SameRecord(_observed, current))
            {
                _observed = current;
                _observedAt = now;
            }

            var theirsIsLive = !string.IsNullOrEmpty(current.HolderIdentity)
                && now < _observedAt + TimeSpan.FromSeconds(current.LeaseDurationSeconds > 0 ? current.LeaseDurationSeconds : duration);
            if (!mine && theirsIsLive)
            {
                return false;
            }
        }

        var next = new LeaderElectionRecord
        {
            HolderIdentity = _lock.Identity,
            LeaseDurationSeconds = duration,
            AcquireTime = mine ? current.AcquireTime : now.UtcDateTime,
            RenewTime = now.UtcDateTime,
            LeaderTransitions = mine ? current.LeaderTransitions : current.LeaderTransitions + 1,
        };
        var updated = await _lock.UpdateAsync(next, cancellationToken).ConfigureAwait(false);
        if (updated)
        {
            lock (_gate)
            {
                _observed = next;
                _observedAt = now;
            }
        }

        return updated;
    }

    private async Task ReleaseAsync()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var released = new LeaderElectionRecord
        {
            HolderIdentity = string.Empty,
            LeaseDurationSeconds = 1,
            AcquireTime = now,
            RenewTime = now,
            LeaderTransitions = _observed?.LeaderTransitions ?? 0,
        };
        try
        {
            using var timeout = new CancellationTokenSource(_timings.RetryPeriod, _time);
            await _lock.UpdateAsync(released, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or OperationCanceledException)
        {
            LogLeaseError(_logger, e, _lock.Describe());
        }

        await _lost.CancelAsync().ConfigureAwait(false);
    }

    private static bool SameRecord(LeaderElectionRecord a, LeaderElectionRecord b) =>
        a.HolderIdentity == b.HolderIdentity && a.RenewTime == b.RenewTime && a.LeaderTransitions == b.LeaderTransitions;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} started leading ({Lock})")]
    private static partial void LogStartedLeading(ILogger logger, string identity, string @lock);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} stopped leading ({Lock}): lease not renewed within the renew deadline")]
    private static partial void LogStoppedLeading(ILogger logger, string identity, string @lock);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lock}: request failed")]
    private static partial void LogLeaseError(ILogger logger, Exception exception, string @lock);
}
