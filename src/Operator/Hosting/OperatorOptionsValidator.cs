using System.Text.RegularExpressions;
using RightSizer.Api.Units;
using RightSizer.Operator.Hosting.Certificates;
using RightSizer.Recommender.Prometheus;

namespace RightSizer.Operator.Hosting;

/// <summary>
/// Turns the flags into <see cref="OperatorOptions"/>, or into one message per wrong flag, each naming the flag and
/// the value given. Pure: the environment comes in as <see cref="HostEnvironment"/>, files are only checked to exist.
/// </summary>
public static partial class OperatorOptionsValidator
{
    public const int MaxConcurrentReconcilesLimit = 64;

    public static (OperatorOptions? Options, IReadOnlyList<string> Errors) Validate(
        OperatorFlagValues flags,
        PrometheusClientOptions? prometheus,
        HostEnvironment environment,
        Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(fileExists);
        var errors = new List<string>();

        if (flags.Kubeconfig is { } kubeconfig && !fileExists(kubeconfig))
        {
            errors.Add($"--kubeconfig '{kubeconfig}': file not found");
        }
        else if (flags.Kubeconfig is null && !environment.InCluster)
        {
            errors.Add("--kubeconfig: not running in a cluster (no service account configuration); give a kubeconfig file");
        }

        var leaseNamespace = flags.LeaderElectionNamespace ?? environment.PodNamespace;
        if (flags.LeaderElectionNamespace is { } given && !IsDnsLabel(given))
        {
            errors.Add($"--leader-election-namespace '{given}': not a valid namespace name");
        }
        else if (flags.LeaderElect && leaseNamespace is null)
        {
            errors.Add("--leader-election-namespace: required with --leader-elect outside a cluster");
        }

        var metrics = Address("--metrics-bind-address", flags.MetricsBindAddress, errors);
        var probes = Address("--health-probe-bind-address", flags.HealthProbeBindAddress, errors);
        var webhooks = Address("--webhook-bind-address", flags.WebhookBindAddress, errors);
        if (flags.WebhookCertDir.Length == 0)
        {
            errors.Add("--webhook-cert-dir: must not be empty");
        }

        var bootstrap = flags.WebhookBootstrapCert ? Bootstrap(flags, environment, errors) : null;

        var interval = TimeSpan.Zero;
        var minimum = PromDuration.Parse(OperatorDefaults.MinRecommendationInterval);
        if (!PromDuration.TryParse(flags.RecommendationInterval, out interval, out var durationError))
        {
            errors.Add($"--recommendation-interval '{flags.RecommendationInterval}': {durationError}");
        }
        else if (interval < minimum)
        {
            errors.Add($"--recommendation-interval '{flags.RecommendationInterval}': must be at least {OperatorDefaults.MinRecommendationInterval}");
        }

        foreach (var ns in flags.Namespaces.Where(ns => !IsDnsLabel(ns)))
        {
            errors.Add($"--namespace '{ns}': not a valid namespace name");
        }

        if (flags.MaxConcurrentReconciles is < 1 or > MaxConcurrentReconcilesLimit)
        {
            errors.Add($"--max-concurrent-reconciles '{flags.MaxConcurrentReconciles}': must be from 1 to {MaxConcurrentReconcilesLimit}");
        }

        LogFormat? format = flags.LogFormat switch
        {
            "json" => LogFormat.Json,
            "text" => LogFormat.Text,
            _ => null,
        };
        if (format is null)
        {
            errors.Add($"--log-format '{flags.LogFormat}': one of json, text");
        }

        if (prometheus is null)
        {
            errors.Add("--prometheus-url: required (the base URL of a Prometheus-compatible API)");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new OperatorOptions
        {
            Kubeconfig = flags.Kubeconfig,
            LeaderElect = flags.LeaderElect,
            LeaderElectionNamespace = leaseNamespace ?? "default",
            Identity = environment.Identity,
            MetricsBindAddress = metrics,
            HealthProbeBindAddress = probes,
            WebhookBindAddress = webhooks,
            WebhookCertDir = flags.WebhookCertDir,
            WebhookBootstrap = bootstrap,
            Prometheus = prometheus!,
            RecommendationInterval = interval,
            Namespaces = [.. flags.Namespaces.Distinct(StringComparer.Ordinal)],
            MaxConcurrentReconciles = flags.MaxConcurrentReconciles,
            LogFormat = format!.Value,
        }, errors);
    }

    private static WebhookCertificateOptions Bootstrap(OperatorFlagValues flags, HostEnvironment environment, List<string> errors)
    {
        if (flags.WebhookBindAddress == "0")
        {
            errors.Add("--webhook-bootstrap-cert: needs the webhook server, but --webhook-bind-address is 0");
        }

        var ns = flags.WebhookServiceNamespace ?? environment.PodNamespace ?? WebhookCertificateDefaults.Namespace;
        if (!IsDnsLabel(ns))
        {
            errors.Add($"--webhook-service-namespace '{ns}': not a valid namespace name");
        }

        if (!IsDnsLabel(flags.WebhookServiceName))
        {
            errors.Add($"--webhook-service-name '{flags.WebhookServiceName}': not a valid Service name");
        }

        foreach (var (flag, name) in new[]
        {
            ("--webhook-cert-secret", flags.WebhookCertSecret),
            ("--mutating-webhook-configuration", flags.MutatingWebhookConfiguration),
            ("--validating-webhook-configuration", flags.ValidatingWebhookConfiguration),
        })
        {
            if (!IsDnsSubdomain(name))
            {
                errors.Add($"{flag} '{name}': not a valid object name");
            }
        }

        return new WebhookCertificateOptions
        {
            ServiceName = flags.WebhookServiceName,
            Namespace = ns,
            SecretName = flags.WebhookCertSecret,
            MutatingWebhookConfiguration = flags.MutatingWebhookConfiguration,
            ValidatingWebhookConfiguration = flags.ValidatingWebhookConfiguration,
        };
    }

    private static BindAddress? Address(string flag, string text, List<string> errors)
    {
        if (BindAddress.TryParse(text, out var address, out var error))
        {
            return address;
        }

        errors.Add($"{flag} '{text}': {error}");
        return null;
    }

    private static bool IsDnsLabel(string text) => text.Length <= 63 && DnsLabel().IsMatch(text);

    private static bool IsDnsSubdomain(string text) => text.Length <= 253 && text.Split('.').All(IsDnsLabel);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();
}
