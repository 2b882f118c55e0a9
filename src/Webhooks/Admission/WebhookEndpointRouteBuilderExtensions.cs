using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RightSizer.Webhooks.Pods;
using RightSizer.Webhooks.Policies;

namespace RightSizer.Webhooks.Admission;

/// <summary>Maps the webhook paths (POST); <see cref="MapRightSizerProbes"/> maps the probes for a host without its own.</summary>
public static class WebhookEndpointRouteBuilderExtensions
{
    /// <param name="accepts">Whether a request may be served (a host with several listeners serves admission on one); by default all.</param>
    public static IEndpointRouteBuilder MapRightSizerWebhooks(this IEndpointRouteBuilder endpoints, Func<HttpContext, bool>? accepts = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints.ServiceProvider.GetRequiredService<AdmissionEndpoint>();
        Map(endpoints, endpoint, endpoints.ServiceProvider.GetRequiredService<PodMutationHandler>(), accepts);
        Map(endpoints, endpoint, endpoints.ServiceProvider.GetRequiredService<MemoryPolicyValidationHandler>(), accepts);
        return endpoints;
    }

    private static void Map<TObject>(IEndpointRouteBuilder endpoints, AdmissionEndpoint endpoint, IAdmissionHandler<TObject> handler, Func<HttpContext, bool>? accepts) =>
        endpoints.MapPost(handler.Path, (HttpContext context) =>
            accepts is null || accepts(context) ? endpoint.ServeAsync(context, handler) : NotFound(context));

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
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
