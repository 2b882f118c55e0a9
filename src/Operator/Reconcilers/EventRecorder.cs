using System.Collections.Concurrent;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// Records core/v1 Events on a MemoryPolicy. The same reason and message for the same policy is recorded at most once
/// per <see cref="Quiet"/>, so a policy retried every 30 s does not flood <c>kubectl describe</c>.
/// </summary>
public sealed partial class EventRecorder(IKubernetes client, TimeProvider time, string instance, ILogger<EventRecorder> logger)
{
    public const string Component = "rightsizer";
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string Uid, string Reason, string Message), DateTimeOffset> _recent = new();

    public async Task RecordAsync(V1alpha1MemoryPolicy policy, PolicyEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(e);
        var now = time.GetUtcNow();
        var key = (policy.Metadata.Uid ?? policy.Metadata.Name, e.Reason, e.Message);
        if (_recent.TryGetValue(key, out var last) && now - last < Quiet)
        {
            return;
        }

        _recent[key] = now;
        var ns = policy.Metadata.NamespaceProperty;
        var body = new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = policy.Metadata.Name + ".", NamespaceProperty = ns },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = policy.ApiVersion,
                Kind = policy.Kind,
                Name = policy.Metadata.Name,
                NamespaceProperty = ns,
                Uid = policy.Metadata.Uid,
                ResourceVersion = policy.Metadata.ResourceVersion,
            },
            Reason = e.Reason,
            Message = e.Message,
            Type = e.Warning ? "Warning" : "Normal",
            FirstTimestamp = now.UtcDateTime,
            LastTimestamp = now.UtcDateTime,
            Count = 1,
            Source = new V1EventSource { Component = Component },
            ReportingComponent = Component,
            ReportingInstance = instance,
        };
        try
        {
            await client.CoreV1.CreateNamespacedEventAsync(body, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex)
        {
            // Events are best effort: a failure to record one must not fail the reconcile.
            LogEventFailed(logger, ex, e.Reason, policy.Metadata.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record event {Reason} on MemoryPolicy {Policy}")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, string reason, string policy);
}
