using RightSizer.Operator.Hosting.Certificates;
using RightSizer.Recommender.Prometheus;

namespace RightSizer.Operator.Hosting;

/// <summary>The operator host's settings, parsed and validated from its flags.</summary>
public sealed record OperatorOptions
{
    /// <summary>A kubeconfig file; null for the in-cluster service account.</summary>
    public string? Kubeconfig { get; init; }

    public bool LeaderElect { get; init; }

    public string LeaderElectionNamespace { get; init; } = "default";

    /// <summary>This replica's name in the Lease (the pod name in a cluster).</summary>
    public string Identity { get; init; } = Environment.MachineName;

    /// <summary>Null when disabled.</summary>
    public BindAddress? MetricsBindAddress { get; init; }

    /// <summary>Null when disabled.</summary>
    public BindAddress? HealthProbeBindAddress { get; init; }

    /// <summary>Null when disabled.</summary>
    public BindAddress? WebhookBindAddress { get; init; }

    public string WebhookCertDir { get; init; } = OperatorDefaults.WebhookCertDir;

    /// <summary>The bootstrap certificate's settings; null when the certificate comes from a mounted Secret.</summary>
    public WebhookCertificateOptions? WebhookBootstrap { get; init; }

    public required PrometheusClientOptions Prometheus { get; init; }

    public TimeSpan RecommendationInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Namespaces to watch; empty for all.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public int MaxConcurrentReconciles { get; init; } = OperatorDefaults.MaxConcurrentReconciles;

    public LogFormat LogFormat { get; init; } = LogFormat.Json;
}
