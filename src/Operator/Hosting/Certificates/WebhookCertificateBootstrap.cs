using RightSizer.Operator.Runtime;
using RightSizer.Webhooks.Tls;

namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>
/// <c>--webhook-bootstrap-cert</c>: on every replica, check the shared Secret (creating or renewing the certificates
/// when due), write the serving pair into the certificate directory, have <see cref="ServingCertificate"/> load it and
/// put the CA into both webhook configurations; then again at the renewal time or after
/// <see cref="WebhookCertificateDefaults.CheckInterval"/>, whichever comes first, and with backoff after a failure.
/// </summary>
public sealed partial class WebhookCertificateBootstrap(
    CertificateSecretStore store,
    CaBundleInjector injector,
    ServingCertificate serving,
    WebhookCertificateOptions options,
    string certificateDirectory,
    TimeProvider time,
    Random random,
    ILogger<WebhookCertificateBootstrap> logger) : BackgroundService
{
    private readonly IReadOnlyList<string> _dnsNames = CertificatePlanner.ServiceDnsNames(options.ServiceName, options.Namespace);
    private readonly Backoff _backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0.2, random);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The directory exists before the serving certificate starts watching it.
        Directory.CreateDirectory(certificateDirectory);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                if (await CheckAsync(stoppingToken).ConfigureAwait(false) is { } next)
                {
                    failures = 0;
                    delay = next;
                }
                else
                {
                    delay = _backoff.Delay(failures++);
                }
            }
            catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException or IOException or UnauthorizedAccessException)
            {
                delay = _backoff.Delay(failures++);
                LogCheckFailed(logger, e, delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <returns>The wait until the next check, or null when a webhook configuration is missing (retry with backoff).</returns>
    private async Task<TimeSpan?> CheckAsync(CancellationToken cancellationToken)
    {
        var certificates = await store.EnsureAsync(_dnsNames, cancellationToken).ConfigureAwait(false);
        if (CertificateFiles.Write(certificateDirectory, certificates))
        {
            serving.Reload();
        }

        var injected = await injector.InjectAsync(
            options.MutatingWebhookConfiguration, options.ValidatingWebhookConfiguration, certificates.CaBundlePem, cancellationToken).ConfigureAwait(false);
        if (!injected)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var untilRenewal = (CertificatePlanner.Plan(certificates, _dnsNames, now).RenewAt ?? now) - now;
        return TimeSpan.FromTicks(Math.Clamp(untilRenewal.Ticks, 0, WebhookCertificateDefaults.CheckInterval.Ticks));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook certificate check failed; retrying in {Delay}")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, TimeSpan delay);
}
