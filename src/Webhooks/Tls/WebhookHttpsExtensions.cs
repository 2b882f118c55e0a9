using System.Security.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace RightSizer.Webhooks.Tls;

/// <summary>HTTPS for a Kestrel endpoint with the reloading serving certificate, TLS 1.2 and 1.3 only.</summary>
public static class WebhookHttpsExtensions
{
    public static ListenOptions UseWebhookCertificate(this ListenOptions listen, ServingCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentNullException.ThrowIfNull(certificate);
        return listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ServerCertificateSelector = (_, _) => certificate.Current,
        });
    }
}
