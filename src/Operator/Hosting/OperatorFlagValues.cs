namespace RightSizer.Operator.Hosting;

/// <summary>The operator's flags as written, before validation.</summary>
public sealed record OperatorFlagValues
{
    public string? Kubeconfig { get; init; }

    public bool LeaderElect { get; init; }

    public string? LeaderElectionNamespace { get; init; }

    public string MetricsBindAddress { get; init; } = OperatorDefaults.MetricsBindAddress;

    public string HealthProbeBindAddress { get; init; } = OperatorDefaults.HealthProbeBindAddress;

    public string WebhookBindAddress { get; init; } = OperatorDefaults.WebhookBindAddress;

    public string WebhookCertDir { get; init; } = OperatorDefaults.WebhookCertDir;

    public bool WebhookBootstrapCert { get; init; }

    public string WebhookServiceName { get; init; } = Certificates.WebhookCertificateDefaults.ServiceName;

    /// <summary>Null for the pod's own namespace.</summary>
    public string? WebhookServiceNamespace { get; init; }

    public string WebhookCertSecret { get; init; } = Certificates.WebhookCertificateDefaults.SecretName;

    public string MutatingWebhookConfiguration { get; init; } = Certificates.WebhookCertificateDefaults.MutatingWebhookConfiguration;

    public string ValidatingWebhookConfiguration { get; init; } = Certificates.WebhookCertificateDefaults.ValidatingWebhookConfiguration;

    public string RecommendationInterval { get; init; } = OperatorDefaults.RecommendationInterval;

    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public int MaxConcurrentReconciles { get; init; } = OperatorDefaults.MaxConcurrentReconciles;

    public string LogFormat { get; init; } = OperatorDefaults.LogFormat;
}
