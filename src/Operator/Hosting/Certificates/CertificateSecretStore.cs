using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>
/// Keeps the bootstrap certificates in one Secret that every replica shares. Each check reads it, lets
/// <see cref="CertificatePlanner"/> decide, and writes only when something changes: create when absent, update
/// carrying the resourceVersion read. A replica that loses a race (409 AlreadyExists or Conflict) re-reads and adopts
/// the winner's certificates, so replicas starting at once end with one CA.
/// </summary>
public sealed partial class CertificateSecretStore(IKubernetes client, string @namespace, string name, TimeProvider time, ILogger<CertificateSecretStore> logger)
{
    public const int Attempts = 5;

    public async Task<WebhookCertificates> EnsureAsync(IReadOnlyList<string> dnsNames, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var secret = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var stored = WebhookCertificates.FromSecretData(secret?.Data);
            var now = time.GetUtcNow();
            var plan = CertificatePlanner.Plan(stored, dnsNames, now);
            if (plan.Action == CertificateAction.Keep)
            {
                return stored!;
            }

            var renewed = CertificatePlanner.Renew(stored, plan, dnsNames, now);
            try
            {
                if (secret is null)
                {
                    await client.CoreV1.CreateNamespacedSecretAsync(NewSecret(renewed), @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    secret.Data = renewed.ToSecretData();
                    secret.Type ??= "kubernetes.io/tls";
                    await client.CoreV1.ReplaceNamespacedSecretAsync(secret, name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                LogWritten(logger, @namespace, name, plan.Action, plan.Reason);
                return renewed;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                LogLostRace(logger, @namespace, name);
            }
        }
    }

    private async Task<V1Secret?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private V1Secret NewSecret(WebhookCertificates certificates) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = @namespace,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/name"] = "rightsizer",
                ["app.kubernetes.io/component"] = "webhook-certificate",
            },
        },
        Type = "kubernetes.io/tls",
        Data = certificates.ToSecretData(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook certificate Secret {Namespace}/{Name} written: {Action} ({Reason})")]
    private static partial void LogWritten(ILogger logger, string @namespace, string name, CertificateAction action, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook certificate Secret {Namespace}/{Name} changed by another replica meanwhile; re-reading it")]
    private static partial void LogLostRace(ILogger logger, string @namespace, string name);
}
