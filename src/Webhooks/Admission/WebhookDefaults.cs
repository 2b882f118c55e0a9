namespace RightSizer.Webhooks.Admission;

/// <summary>Defaults of the webhook server in one place.</summary>
public static class WebhookDefaults
{
    /// <summary>controller-runtime's conventional location, which config/manager mounts the Secret at.</summary>
    public const string CertDirectory = "/tmp/k8s-webhook-server/serving-certs";

    /// <summary>Well inside the configurations' timeoutSeconds: 5, so we answer before the API server gives up.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan CertificatePollInterval = TimeSpan.FromSeconds(30);

    public const string MutatePodPath = "/mutate--v1-pod";
    public const string ValidateMemoryPolicyPath = "/validate-rightsizer-io-v1alpha1-memorypolicy";
}
