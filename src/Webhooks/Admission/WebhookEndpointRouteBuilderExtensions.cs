using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RightSizer.Webhooks.Admission;

/// <summary>Maps the webhook paths (POST); <see cref="MapRightSizerProbes"/> maps the probes for a host without its own.</summary>
public static class WebhookEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapRightSizerWebhooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints.ServiceProvider.GetRequiredService<AdmissionEndpoint>();
        foreach (var handler in endpoints.ServiceProvider.GetServices<IAdmissionHandler>())
        {
            endpoints.MapPost(handler.Path, (HttpContext context) => endpoint.ServeAsync(context, handler));
        }
        return endpoints;
    }

    /// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (every check tagged ready passes).</summary>
    public static IEndpointRouteBuilder MapRightSizerProbes(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(WebhookReadinessCheck.ReadyTag) });
        return endpoints;
    }
}
