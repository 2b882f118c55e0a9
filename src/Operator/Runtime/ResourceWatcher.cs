using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace RightSizer.Operator.Runtime;

/// <summary>
/// Keeps a <see cref="ResourceCache{T}"/> current: lists, then watches from the list's resourceVersion with bookmarks,
/// resumes from the last version seen when the stream ends, relists when the server says 410 Gone, and backs off with
/// jitter on errors. It only stores objects; handlers on the cache enqueue keys, so this loop never waits on a
/// reconcile.
/// KubernetesClient's quirks are handled here: a watch that the server closes before any event surfaces as an
/// <see cref="HttpRequestException"/> from the enumeration (not through onError) and is a normal end; a 410 inside
/// the stream arrives through onError while the stream stays open until the server closes it.
/// </summary>
public sealed partial class ResourceWatcher<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Shortest server-side watch timeout; each watch adds up to as much again at random, as client-go does.</summary>
    public static readonly TimeSpan MinWatchTimeout = TimeSpan.FromMinutes(5);

    private readonly IResourceClient<T> _client;
    private readonly ResourceCache<T> _cache;
    private readonly string? _namespace;
    private readonly Backoff _backoff;
    private readonly Random _random;
    private readonly TimeProvider _time;
    private readonly ControllerMetrics _metrics;
    private readonly ILogger _logger;

    public ResourceWatcher(
        IResourceClient<T> client,
        ResourceCache<T> cache,
        string? @namespace,
        Backoff backoff,
        Random random,
        TimeProvider time,
        ControllerMetrics metrics,
        ILogger logger)
    {
        _client = client;
        _cache = cache;
        _namespace = @namespace;
        _backoff = backoff;
        _random = random;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Lists performed, for tests and diagnostics.</summary>
    public int Lists { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    var (items, listVersion) = await _client.ListAsync(_namespace, cancellationToken).ConfigureAwait(false);
                    Lists++;
                    _cache.Replace(items);
                    resourceVersion = listVersion;
                    LogListed(_logger, _client.Resource, items.Count, listVersion);
                }

                var outcome = await WatchOnceAsync(resourceVersion, cancellationToken).ConfigureAwait(false);
                resourceVersion = outcome.Expired ? null : outcome.ResourceVersion;
                if (outcome.Error is not null)
                {
                    throw outcome.Error;
                }

                _metrics.WatchRestarted(_client.Resource, outcome.Expired ? "expired" : "closed");

                if (outcome.Events > 0)
                {
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsGone(e))
            {
                _metrics.WatchRestarted(_client.Resource, "expired");
                resourceVersion = null;
            }
            catch (Exception e)
            {
                _metrics.WatchRestarted(_client.Resource, "error");
                var delay = _backoff.Delay(failures++);
                LogWatchFailed(_logger, e, _client.Resource, delay);
                try
                {
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<WatchOutcome> WatchOnceAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        var expired = false;
        Exception? streamError = null;
        var events = 0;
        var timeout = MinWatchTimeout * (1 + _random.NextDouble());
        var stream = _client.WatchAsync(
            _namespace,
            resourceVersion,
            timeout,
            error =>
            {
                if (IsGone(error))
                {
                    expired = true;
                }
                else
                {
                    streamError = error;
                }
            },
            cancellationToken);
        try
        {
            await foreach (var (type, obj) in stream.ConfigureAwait(false))
            {
                events++;
                switch (type)
                {
                    case WatchEventType.Added or WatchEventType.Modified:
                        _cache.Upsert(obj);
                        break;
                    case WatchEventType.Deleted:
                        _cache.Delete(obj);
                        break;
                    default:
                        break;
                }

                if (obj.Metadata?.ResourceVersion is { Length: > 0 } seen)
                {
                    resourceVersion = seen;
                }

                if (expired || streamError is not null)
                {
                    break;
                }
            }
        }
        catch (HttpRequestException e) when (e.InnerException is EndOfStreamException && !cancellationToken.IsCancellationRequested)
        {
            // An idle watch the server closed before its first event: a normal end, resume from the same version.
        }

        return new WatchOutcome(resourceVersion, expired, streamError, events);
    }

    private static bool IsGone(Exception e) => e switch
    {
        KubernetesException { Status.Code: (int)HttpStatusCode.Gone } => true,
        HttpOperationException { Response.StatusCode: HttpStatusCode.Gone } => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {Count} {Resource} at resourceVersion {ResourceVersion}")]
    private static partial void LogListed(ILogger logger, string resource, int count, string resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch of {Resource} failed; retrying in {Delay}")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string resource, TimeSpan delay);

    private sealed record WatchOutcome(string ResourceVersion, bool Expired, Exception? Error, int Events);
}
