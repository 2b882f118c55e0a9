using k8s;
using k8s.Models;
using RightSizer.Operator.Reconcilers;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Hosting;

/// <summary>
/// Runs the operator's loops for the life of the host: the watchers that fill the caches (on every replica, so the
/// webhooks of a standby serve too), leader election, and, once leading and synced, the history cycle and the
/// reconcile workers. Losing leadership stops the host, as controller-runtime does, so that a restarted replica starts
/// clean. On shutdown the workers stop taking keys and finish what they hold within the grace period.
/// </summary>
public sealed partial class OperatorService(
    IKubernetes client,
    ClusterCaches caches,
    IReadOnlyList<Func<CancellationToken, Task>> watchers,
    ILeadership leadership,
    RecommendationCycle cycle,
    Controller controller,
    ServerInfo server,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<OperatorService> logger) : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // cancellationToken fires when the host's shutdown timeout ends: only then are running reconciles cancelled.
        await using var registration = cancellationToken.Register(_abort.Cancel).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Subscribe();
        var loops = watchers.Select(watch => Task.Run(() => watch(stoppingToken), stoppingToken)).ToList();
        if (leadership is LeaseLeadership lease)
        {
            loops.Add(Task.Run(() => lease.RunAsync(stoppingToken), stoppingToken));
        }

        try
        {
            await ReadVersionAsync(stoppingToken).ConfigureAwait(false);
            await caches.Synced.WaitAsync(stoppingToken).ConfigureAwait(false);
            LogSynced(logger, caches.Policies.Count, caches.Pods.Count);
            await leadership.WaitUntilLeaderAsync(stoppingToken).ConfigureAwait(false);
            if (leadership is LeaseLeadership)
            {
                leadership.Lost.Register(() =>
                {
                    LogLeadershipLost(logger);
                    lifetime.StopApplication();
                });
            }

            foreach (var policy in caches.Policies.ListAll())
            {
                controller.Queue.Add(ObjectKey.Of(policy));
            }

            using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leadership.Lost);
            loops.Add(Task.Run(() => cycle.RunAsync(leading.Token), leading.Token));
            await controller.RunAsync(leading.Token, _abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        controller.Queue.ShutDown();
        await Task.WhenAll(loops.Select(loop => loop.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
    }

    private async Task ReadVersionAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, Random.Shared);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var version = await client.Version.GetCodeAsync(cancellationToken).ConfigureAwait(false);
                server.Set(version.Major, version.Minor);
                LogServerVersion(logger, version.GitVersion ?? $"{version.Major}.{version.Minor}");
                return;
            }
            catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException)
            {
                var delay = backoff.Delay(attempt);
                LogVersionFailed(logger, e, delay);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Which changes reach the queue: any change of a policy; pods coming, going or changing readiness or resize state;
    /// workloads changing (a rollout ending), each enqueuing the policies of its namespace. Reconciles read state, so
    /// the event only says whom to look at.
    /// </summary>
    private void Subscribe()
    {
        caches.Policies.Subscribe((old, current) =>
        {
            if (current is not null && (old is null || old.Metadata.Generation != current.Metadata.Generation || old.Status is null))
            {
                controller.Queue.Add(ObjectKey.Of(current));
            }
        });
        caches.Pods.Subscribe((old, current) =>
        {
            if (old is null || current is null || PodState(old) != PodState(current))
            {
                EnqueueNamespace((current ?? old)!.Metadata.NamespaceProperty);
            }
        });
        caches.Deployments.Subscribe((_, current) => EnqueueNamespace(current?.Metadata.NamespaceProperty));
        caches.StatefulSets.Subscribe((_, current) => EnqueueNamespace(current?.Metadata.NamespaceProperty));
        caches.DaemonSets.Subscribe((_, current) => EnqueueNamespace(current?.Metadata.NamespaceProperty));
    }

    private void EnqueueNamespace(string? ns)
    {
        if (ns is null || !leadership.IsLeader)
        {
            return;
        }

        foreach (var policy in caches.Policies.List(ns))
        {
            controller.Queue.Add(ObjectKey.Of(policy));
        }
    }

    private static string PodState(V1Pod pod) => string.Join(
        ',',
        (pod.Status?.Conditions ?? []).Where(c => c.Type is "Ready" or "PodResizePending" or "PodResizeInProgress").Select(c => $"{c.Type}={c.Status}/{c.Reason}"))
        + pod.Metadata.DeletionTimestamp?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caches synced: {Policies} MemoryPolicies, {Pods} pods")]
    private static partial void LogSynced(ILogger logger, int policies, int pods);

    [LoggerMessage(Level = LogLevel.Information, Message = "API server version {Version}")]
    private static partial void LogServerVersion(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the API server version; retrying in {Delay}")]
    private static partial void LogVersionFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Leadership lost: stopping so that a restarted replica starts clean")]
    private static partial void LogLeadershipLost(ILogger logger);
}
