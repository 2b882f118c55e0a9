using Microsoft.Extensions.Diagnostics.HealthChecks;
using RightSizer.Webhooks.Pods;
using RightSizer.Webhooks.Tls;

namespace RightSizer.Webhooks.Admission;

/// <summary>Ready only when the caches have synced and a serving certificate is loaded: before that we would fail open on every pod.</summary>
public sealed class WebhookReadinessCheck : IHealthCheck
{
    public const string ReadyTag = "ready";

    private readonly IAdmissionCache _cache;
    private readonly ServingCertificate _certificate;

    public WebhookReadinessCheck(IAdmissionCache cache, ServingCertificate certificate)
    {
        _cache = cache;
        _certificate = certificate;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult((_cache.HasSynced, _certificate.IsLoaded) switch
        {
            (true, true) => HealthCheckResult.Healthy(),
            (false, _) => HealthCheckResult.Unhealthy("caches have not synced"),
            _ => HealthCheckResult.Unhealthy("no serving certificate loaded"),
        });
}
