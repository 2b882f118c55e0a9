using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RightSizer.Webhooks.Pods;
using RightSizer.Webhooks.Policies;
using RightSizer.Webhooks.Tls;

namespace RightSizer.Webhooks.Admission;

/// <summary>Registers the webhooks; the host registers the <see cref="IAdmissionCache"/> they read.</summary>
public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddRightSizerWebhooks(this IServiceCollection services, Action<WebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WebhookOptions>()
            .Configure(o => configure?.Invoke(o))
            .Validate(o => o.Budget > TimeSpan.Zero, "the webhook budget must be positive")
            .Validate(o => !string.IsNullOrWhiteSpace(o.CertDirectory), "--webhook-cert-dir must name a directory")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AdmissionMetrics>();
        services.TryAddSingleton<AdmissionEndpoint>();
        services.TryAddSingleton<ServingCertificate>();
        services.AddHostedService(sp => sp.GetRequiredService<ServingCertificate>());
        services.TryAddSingleton<PodMutationHandler>();
        services.TryAddSingleton<MemoryPolicyValidationHandler>();
        services.AddHealthChecks().AddCheck<WebhookReadinessCheck>("webhook", tags: [WebhookReadinessCheck.ReadyTag]);
        return services;
    }
}
