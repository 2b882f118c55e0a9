using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Hosting;
using RightSizer.Operator.Runtime;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Policy;
using RightSizer.Recommender.Prometheus;

namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// Reads history once per interval for every policy together: one scan per memory signal in use (over the watched
/// namespaces), as long as the longest window asked for, keeping only the
/// containers of the policies' targets. So the Prometheus cost follows the number of containers, not of policies.
/// After each attempt the scan's transients are given back (<see cref="HeapRelease"/>) and every policy is enqueued,
/// and once the work queue has drained what the reconciles left is given back too; a failed scan keeps the last good
/// snapshot and is retried with backoff.
/// </summary>
public sealed partial class RecommendationCycle
{
    private readonly IHistorySource _source;
    private readonly ClusterCaches _caches;
    private readonly HistoryStore _store;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly OperatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Backoff _backoff;
    private readonly PrometheusTransferStats _transfer;
    private readonly RecommendationMetrics _metrics;
    private readonly ILogger<RecommendationCycle> _logger;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecommendationCycle(
        IHistorySource source,
        ClusterCaches caches,
        HistoryStore store,
        WorkQueue<ObjectKey> queue,
        OperatorOptions options,
        TimeProvider time,
        Random random,
        PrometheusTransferStats transfer,
        RecommendationMetrics metrics,
        ILogger<RecommendationCycle> logger)
    {
        _source = source;
        _caches = caches;
        _store = store;
        _queue = queue;
        _options = options;
        _time = time;
        _random = random;
        _transfer = transfer;
        _metrics = metrics;
        _logger = logger;
        _backoff = new Backoff(TimeSpan.FromSeconds(15), options.RecommendationInterval, OperatorDefaults.IntervalJitter, random);
    }

    /// <summary>Asks for a scan now, e.g. when a policy's window grew past the last scan's.</summary>
    public void RequestScan() => Volatile.Read(ref _wake).TrySetResult();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var ok = await ScanOnceAsync(cancellationToken).ConfigureAwait(false);
            foreach (var policy in _caches.Policies.ListAll())
            {
                _queue.Add(ObjectKey.Of(policy));
            }

            var delay = ok ? Jittered(_options.RecommendationInterval) : _backoff.Delay(failures);
            failures = ok ? 0 : failures + 1;
            var wake = Volatile.Read(ref _wake).Task;
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(delay, _time, sleep.Token);
            var drained = _queue.WhenIdleAsync(sleep.Token);
            if (await Task.WhenAny(wake, timer, drained).ConfigureAwait(false) == drained && drained.IsCompletedSuccessfully)
            {
                // The reconciles this cycle set off are done: give back what their status writes left behind.
                HeapRelease.AfterBatch();
                await Task.WhenAny(wake, timer).ConfigureAwait(false);
            }

            await sleep.CancelAsync().ConfigureAwait(false);
            if (wake.IsCompleted)
            {
                // Requests that arrive during the next scan are served by the scan after it.
                Volatile.Write(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }
    }

    /// <summary>One scan, its transients given back before it is counted done; true when it completed.</summary>
    public async Task<bool> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var asOf = _time.GetUtcNow();
        var requestsBefore = _transfer.Requests;
        var sentBefore = _transfer.RequestBytes;
        var receivedBefore = _transfer.ResponseBytes;
        var wanted = WantedSeries();
        var histories = new Dictionary<string, ContainerHistory>(StringComparer.Ordinal);
        var window = wanted.Count == 0 ? TimeSpan.Zero : wanted.Values.Max();
        var ok = true;
        try
        {
            foreach (var signal in wanted.Keys.Select(k => k.Signal).Distinct())
            {
                var signalWindow = wanted.Where(w => w.Key.Signal == signal).Max(w => w.Value);
                var query = new HistoryQuery(asOf, signalWindow) { Signal = signal, Namespaces = _options.Namespaces };
                await foreach (var history in _source.ReadAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    var key = history.Key;
                    if (key.Namespace is { } n && key.WorkloadKind is { } kind && key.WorkloadName is { } name
                        && wanted.ContainsKey((signal, n, kind, name)))
                    {
                        histories[$"{signal}|{key.Id}"] = history;
                    }
                }
            }

            _store.Succeeded(new HistorySnapshot(asOf, window, histories) { Workloads = wanted.Keys.ToHashSet() });
            LogScanned(_logger, histories.Count, wanted.Count, _transfer.Requests - requestsBefore, _transfer.ResponseBytes - receivedBefore);
        }
        catch (HistorySourceException e)
        {
            ok = false;
            _store.Failed(new ScanFailure(asOf, e.Message, e.Unreachable));
            LogScanFailed(_logger, e.Message);
        }

        HeapRelease.AfterBatch();
        _metrics.Scanned(ok, _transfer.Requests - requestsBefore, _transfer.RequestBytes - sentBefore, _transfer.ResponseBytes - receivedBefore);
        return ok;
    }

    /// <summary>The workloads whose history some policy needs, by signal, with the longest window asked for.</summary>
    private Dictionary<(MemorySignal Signal, string Namespace, string Kind, string Name), TimeSpan> WantedSeries()
    {
        var resolver = new TargetResolver(_caches);
        var wanted = new Dictionary<(MemorySignal, string, string, string), TimeSpan>();
        foreach (var policy in _caches.Policies.ListAll())
        {
            RecommendationSettings settings;
            try
            {
                settings = PolicySettingsResolver.Resolve(policy.Spec, MemoryPolicyDefaults.AllContainers);
            }
            catch (ArgumentException)
            {
                continue;
            }

            var target = resolver.Resolve(policy);
            var ns = policy.Metadata.NamespaceProperty ?? string.Empty;
            foreach (var workload in target.Workloads)
            {
                var key = (settings.Signal, ns, workload.Ref.Kind, workload.Ref.Name);
                wanted[key] = wanted.TryGetValue(key, out var existing) && existing > settings.HistoryWindow ? existing : settings.HistoryWindow;
            }
        }

        return wanted;
    }

    private TimeSpan Jittered(TimeSpan interval)
    {
        double sample;
        lock (_random)
        {
            sample = _random.NextDouble();
        }

        return interval * (1 + (OperatorDefaults.IntervalJitter * ((2 * sample) - 1)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History scan: {Series} series for {Workloads} workloads, {Requests} Prometheus requests, {Bytes} bytes")]
    private static partial void LogScanned(ILogger logger, int series, int workloads, long requests, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History scan failed; keeping the last good recommendations: {Message}")]
    private static partial void LogScanFailed(ILogger logger, string message);
}
