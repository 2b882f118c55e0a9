namespace RightSizer.Operator.Hosting.Certificates;

/// <summary>Where <c>--webhook-bootstrap-cert</c> keeps its certificates and whom it tells about the CA.</summary>
public sealed record WebhookCertificateOptions
{
    /// <summary>The webhook Service, whose in-cluster names the serving certificate carries.</summary>
    public string ServiceName { get; init; } = WebhookCertificateDefaults.ServiceName;

    /// <summary>The Service's namespace, which also holds the Secret.</summary>
    public string Namespace { get; init; } = WebhookCertificateDefaults.Namespace;

    public string SecretName { get; init; } = WebhookCertificateDefaults.SecretName;

    public string MutatingWebhookConfiguration { get; init; } = WebhookCertificateDefaults.MutatingWebhookConfiguration;

    public string ValidatingWebhookConfiguration { get; init; } = WebhookCertificateDefaults.ValidatingWebhookConfiguration;
}
