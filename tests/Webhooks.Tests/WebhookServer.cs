using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using RightSizer.Testing.Tls;
using RightSizer.Webhooks.Admission;
using RightSizer.Webhooks.Pods;
using RightSizer.Webhooks.Tls;

namespace RightSizer.Webhooks.Tests;

/// <summary>
/// The webhooks served over real HTTPS on 127.0.0.1 with a certificate from the directory, and a client that trusts
/// only the test CA and checks the name, as the API server does with a webhook's caBundle.
/// </summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, Uri baseAddress, TestCertificateAuthority authority, string certDirectory)
    {
        _app = app;
        BaseAddress = baseAddress;
        Authority = authority;
        CertDirectory = certDirectory;
        Client = CreateClient();
    }

    public Uri BaseAddress { get; }

    public TestCertificateAuthority Authority { get; }

    public string CertDirectory { get; }

    public HttpClient Client { get; }

    public ServingCertificate Certificate => _app.Services.GetRequiredService<ServingCertificate>();

    public static async Task<WebhookServer> StartAsync(IAdmissionCache cache, Action<WebhookOptions>? configure = null, bool issueCertificate = true)
    {
        var authority = new TestCertificateAuthority();
        var directory = Directory.CreateTempSubdirectory("rightsizer-webhook-certs-").FullName;
        if (issueCertificate)
        {
            authority.IssueServing(directory);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(cache);
        builder.Services.AddRightSizerWebhooks(o =>
        {
            o.CertDirectory = directory;
            configure?.Invoke(o);
        });
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(AdmissionMetrics.MeterName).AddPrometheusExporter());
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseWebhookCertificate(kestrel.ApplicationServices.GetRequiredService<ServingCertificate>());
        }));
        var app = builder.Build();
        app.MapRightSizerWebhooks();
        app.MapRightSizerProbes();
        app.MapPrometheusScrapingEndpoint("/metrics");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WebhookServer(app, new Uri(address), authority, directory);
    }

    /// <summary>A new client (so a new TLS handshake); <paramref name="presented"/> receives the certificate the server showed.</summary>
    public HttpClient CreateClient(Action<X509Certificate2>? presented = null, SslProtocols protocols = SslProtocols.None, TestCertificateAuthority? trust = null)
    {
        var authority = trust ?? Authority;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = protocols,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is not null)
                    {
                        presented?.Invoke(new X509Certificate2(certificate));
                    }

                    return (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && authority.Verifies(certificate);
                },
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Authority.Dispose();
        Directory.Delete(CertDirectory, recursive: true);
    }
}
