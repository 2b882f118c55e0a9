using RightSizer.Webhooks.Tls;

namespace RightSizer.Operator.Hosting;

/// <summary>
/// What /readyz reports: ready once every cache has completed its first list and, when the webhooks are served, a
/// serving certificate is loaded (before that the API server's calls would fail and pods be admitted unsized).
/// </summary>
public sealed class OperatorReadiness(ClusterCaches caches, IServiceProvider services)
{
    /// <summary>Why the operator is not ready, or null when it is.</summary>
    public string? NotReadyReason() =>
        !caches.HasSynced ? "caches not synced"
        : services.GetService<ServingCertificate>() is { IsLoaded: false } ? "no webhook serving certificate loaded"
        : null;
}
