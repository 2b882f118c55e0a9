namespace RightSizer.Webhooks.Admission;

/// <summary>Settings of the webhook server, bound from the <c>operator</c> command's flags.</summary>
public sealed class WebhookOptions
{
    /// <summary>Where cert-manager (or the bootstrap) writes <c>tls.crt</c> and <c>tls.key</c>.</summary>
    public string CertDirectory { get; set; } = WebhookDefaults.CertDirectory;

    /// <summary>How long a handler may take before the request is answered without it.</summary>
    public TimeSpan Budget { get; set; } = WebhookDefaults.Budget;

    /// <summary>How often the certificate files are checked besides file-change notifications.</summary>
    public TimeSpan CertificatePollInterval { get; set; } = WebhookDefaults.CertificatePollInterval;
}
