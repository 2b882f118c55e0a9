namespace RightSizer.Operator.Hosting;

/// <summary>Every default of the operator host in one place; the flags, the validator and the manifests agree on these.</summary>
public static class OperatorDefaults
{
    public const string MetricsBindAddress = ":8080";
    public const string HealthProbeBindAddress = ":8081";
    public const string WebhookBindAddress = ":9443";
    public const string WebhookCertDir = "/tmp/k8s-webhook-server/serving-certs";
    public const string RecommendationInterval = "1h";

    /// <summary>The shortest interval accepted: a scan of a large cluster takes minutes.</summary>
    public const string MinRecommendationInterval = "1m";

    /// <summary>Each interval is stretched or shrunk by up to this share at random, so replicas restarted together spread out.</summary>
    public const double IntervalJitter = 0.1;

    public const int MaxConcurrentReconciles = 4;
    public const string LogFormat = "json";
    public const string LeaseName = "rightsizer-leader";

    /// <summary>Where Kubernetes mounts the pod's own namespace.</summary>
    public const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    /// <summary>How long in-flight reconciles may run on after SIGTERM; below the pod's 30 s default grace period.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(20);
}
