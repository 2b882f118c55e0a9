using k8s;
using System.Net;
using Microsoft.Extensions.Logging.Console;
using RightSizer.Webhooks.Admission;
using RightSizer.Webhooks.Tls;

namespace RightSizer.Operator.Hosting;

/// <summary>
/// The <c>rightsizer operator</c> host: a WebApplication made of the AddX parts, listening for probes and metrics on
/// their own addresses, logging as JSON or text.
/// </summary>
public static class OperatorHost
{
    public static async Task RunAsync(OperatorOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var app = Build(options, time);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public static WebApplication Build(OperatorOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        KubernetesJson.AddJsonOptions(json => KubernetesJsonStrings.Pool(json));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.AddRightSizerLogging(options.LogFormat);
        var endpoints = new OperatorEndpoints();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            Listen(kestrel, options.HealthProbeBindAddress, ListenerRole.Probes, endpoints);
            Listen(kestrel, options.MetricsBindAddress, ListenerRole.Metrics, endpoints);
            Listen(kestrel, options.WebhookBindAddress, ListenerRole.Webhooks, endpoints,
                listen => listen.UseWebhookCertificate(kestrel.ApplicationServices.GetRequiredService<ServingCertificate>()));
        });
        builder.Services.AddSingleton(endpoints);
        builder.Services
            .AddRightSizerOptions(options, time)
            .AddRightSizerKubernetes(options)
            .AddRightSizerControllerRuntime(options)
            .AddRightSizerRecommendations(options)
            .AddRightSizerReconcilers(options)
            .AddRightSizerUpdater()
            .AddRightSizerMetrics();
        if (options.WebhookBindAddress is not null)
        {
            builder.Services.AddRightSizerWebhookBootstrap(options);
            builder.Services.AddRightSizerWebhooks(webhooks => webhooks.CertDirectory = options.WebhookCertDir);
        }

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => endpoints.LogBound(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OperatorHost).FullName!)));
        app.MapRightSizerProbes();
        if (options.WebhookBindAddress is not null)
        {
            app.MapRightSizerWebhooks(context => ListenerRole.Of(context) == ListenerRole.Webhooks);
        }

        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == "/metrics" && ListenerRole.Of(context) == ListenerRole.Metrics);
        return app;
    }

    private static void Listen(
        Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel,
        BindAddress? address,
        string role,
        OperatorEndpoints endpoints,
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions>? secure = null)
    {
        if (address is null)
        {
            return;
        }

        kestrel.Listen(new IPEndPoint(address.Address, address.Port), listen =>
        {
            secure?.Invoke(listen);
            listen.Tag(role);
            endpoints.Add(role, listen);
        });
    }

    private static void AddRightSizerLogging(this ILoggingBuilder logging, LogFormat format)
    {
        logging.ClearProviders();
        // ASP.NET Core logs every request at Information: six lines per probe, every few seconds, drowning the operator's own.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (format == LogFormat.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            logging.AddSimpleConsole(text =>
            {
                text.IncludeScopes = true;
                text.SingleLine = true;
                text.UseUtcTimestamp = true;
                text.TimestampFormat = "HH:mm:ss ";
                text.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }
    }

    private static void MapRightSizerProbes(this WebApplication app)
    {
        app.MapGet("/healthz", (HttpContext context) => ListenerRole.Of(context) == ListenerRole.Probes ? Results.Text("ok") : Results.NotFound());
        app.MapGet("/readyz", (HttpContext context, OperatorReadiness readiness) =>
            ListenerRole.Of(context) != ListenerRole.Probes ? Results.NotFound()
            : readiness.NotReadyReason() is { } reason ? Results.Text(reason, statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ok"));
    }
}
