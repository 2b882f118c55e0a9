using System.Collections.Concurrent;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Faults;

/// <summary>Faults a test injects into the server: broken watches, failing verbs, slow answers, write conflicts.</summary>
public sealed class ApiFaults
{
    private readonly Lock _gate = new();
    private readonly List<FailureRule> _failures = [];
    private readonly ConcurrentDictionary<string, int> _conflicts = new(StringComparer.Ordinal);
    private CancellationTokenSource _dropWatches = new();
    private TaskCompletionSource _unstall = CompletedSignal();
    private int _expireNextWatch;

    /// <summary>Delay added before every response.</summary>
    public TimeSpan ResponseDelay { get; private set; }

    /// <summary>Ends every open watch stream now (cleanly, as a server restart or a load balancer would).</summary>
    public void DropWatches()
    {
        CancellationTokenSource old;
        lock (_gate)
        {
            old = _dropWatches;
            _dropWatches = new CancellationTokenSource();
        }

        old.Cancel();
        old.Dispose();
    }

    /// <summary>Open watches stop delivering events (the connection stays open) until <see cref="ResumeWatches"/>.</summary>
    public void StallWatches()
    {
        lock (_gate)
        {
            if (_unstall.Task.IsCompleted)
            {
                _unstall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void ResumeWatches()
    {
        lock (_gate)
        {
            _unstall.TrySetResult();
        }
    }

    /// <summary>The next watch request (whatever its resourceVersion) gets one ERROR 410 Expired event, then the stream closes.</summary>
    public void ExpireNextWatch() => Interlocked.Exchange(ref _expireNextWatch, 1);

    /// <summary>The next <paramref name="count"/> requests with this RBAC verb on this resource fail with the status code (500 InternalError, 429 TooManyRequests, 503, ...).</summary>
    public void FailNext(string verb, string resource, int statusCode, int count = 1)
    {
        lock (_gate)
        {
            _failures.Add(new FailureRule(verb, resource, statusCode, count));
        }
    }

    public void SlowResponses(TimeSpan delay) => ResponseDelay = delay;

    /// <summary>The next update or patch of this resource is answered 409 Conflict, as if another writer had come first.</summary>
    public void ConflictOnNextWrite(string resource) => _conflicts.AddOrUpdate(resource, 1, (_, n) => n + 1);

    internal CancellationToken WatchDropToken
    {
        get
        {
            lock (_gate)
            {
                return _dropWatches.Token;
            }
        }
    }

    internal Task WhileStalled
    {
        get
        {
            lock (_gate)
            {
                return _unstall.Task;
            }
        }
    }

    internal bool TakeExpireNextWatch() => Interlocked.Exchange(ref _expireNextWatch, 0) == 1;

    internal bool TakeConflict(string resource)
    {
        while (_conflicts.TryGetValue(resource, out var count) && count > 0)
        {
            if (_conflicts.TryUpdate(resource, count - 1, count))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The status to fail this request with, if a rule matches; the rule's count goes down.</summary>
    internal ApiStatus? TakeFailure(string verb, string resource)
    {
        lock (_gate)
        {
            var rule = _failures.Find(r => r.Verb == verb && r.Resource == resource && r.Remaining > 0);
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            return rule.StatusCode switch
            {
                429 => StatusErrors.TooManyRequests("the server has received too many requests and has asked us to try again later", 1),
                500 => StatusErrors.InternalError("injected fault"),
                var code => new ApiStatus(code, StatusErrors.Failure, code == 503 ? "ServiceUnavailable" : "InternalError", "injected fault"),
            };
        }
    }

    private static TaskCompletionSource CompletedSignal()
    {
        var signal = new TaskCompletionSource();
        signal.SetResult();
        return signal;
    }

    private sealed class FailureRule(string verb, string resource, int statusCode, int count)
    {
        public string Verb { get; } = verb;

        public string Resource { get; } = resource;

        public int StatusCode { get; } = statusCode;

        public int Remaining { get; set; } = count;
    }
}
