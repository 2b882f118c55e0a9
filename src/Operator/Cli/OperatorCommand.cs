using System.CommandLine;
using RightSizer.Operator.Hosting;
using RightSizer.Operator.Hosting.Certificates;
using RightSizer.Recommender.Prometheus;

namespace RightSizer.Operator.Cli;

/// <summary><c>rightsizer operator</c>: the in-cluster controller that config/manager runs.</summary>
public static class OperatorCommand
{
    public static Command Create(TimeProvider time)
    {
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to a kubeconfig file; default: the in-cluster service account." };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Elect a leader through a Lease so that only one replica acts; the others keep their caches warm." };
        var leaseNamespace = new Option<string?>("--leader-election-namespace") { Description = "Namespace of the leader-election Lease; default: the pod's own namespace." };
        var metrics = new Option<string>("--metrics-bind-address") { Description = "Address of the Prometheus /metrics endpoint, e.g. :8080; 0 disables it.", DefaultValueFactory = _ => OperatorDefaults.MetricsBindAddress };
        var probes = new Option<string>("--health-probe-bind-address") { Description = "Address of the /healthz and /readyz probes.", DefaultValueFactory = _ => OperatorDefaults.HealthProbeBindAddress };
        var webhookAddress = new Option<string>("--webhook-bind-address") { Description = "Address of the HTTPS admission webhook server; 0 disables it.", DefaultValueFactory = _ => OperatorDefaults.WebhookBindAddress };
        var certDir = new Option<string>("--webhook-cert-dir") { Description = "Directory holding the webhook server's tls.crt and tls.key; re-read when they change.", DefaultValueFactory = _ => OperatorDefaults.WebhookCertDir };
        var bootstrapCert = new Option<bool>("--webhook-bootstrap-cert") { Description = "Make the webhook's CA and serving certificate instead of reading a mounted pair: kept in a Secret all replicas share, renewed before expiry, written into --webhook-cert-dir, the CA put into both webhook configurations' caBundle." };
        var serviceName = new Option<string>("--webhook-service-name") { Description = "With --webhook-bootstrap-cert: the webhook Service; the certificate is for NAME.NAMESPACE.svc.", DefaultValueFactory = _ => WebhookCertificateDefaults.ServiceName };
        var serviceNamespace = new Option<string?>("--webhook-service-namespace") { Description = "With --webhook-bootstrap-cert: the Service's namespace, which also holds the Secret; default: the pod's own namespace, else " + WebhookCertificateDefaults.Namespace + "." };
        var certSecret = new Option<string>("--webhook-cert-secret") { Description = "With --webhook-bootstrap-cert: the Secret holding the CA and serving certificate.", DefaultValueFactory = _ => WebhookCertificateDefaults.SecretName };
        var mutatingConfiguration = new Option<string>("--mutating-webhook-configuration") { Description = "With --webhook-bootstrap-cert: the MutatingWebhookConfiguration whose caBundle is kept current.", DefaultValueFactory = _ => WebhookCertificateDefaults.MutatingWebhookConfiguration };
        var validatingConfiguration = new Option<string>("--validating-webhook-configuration") { Description = "With --webhook-bootstrap-cert: the ValidatingWebhookConfiguration whose caBundle is kept current.", DefaultValueFactory = _ => WebhookCertificateDefaults.ValidatingWebhookConfiguration };
        var prometheus = new PrometheusOptions();
        var interval = new Option<string>("--recommendation-interval") { Description = "How often recommendations are recomputed from history (one batched scan for all policies), jittered by 10%.", DefaultValueFactory = _ => OperatorDefaults.RecommendationInterval };
        var namespaces = new Option<string[]>("--namespace") { Description = "Watch only this namespace; repeatable. Default: all namespaces.", AllowMultipleArgumentsPerToken = false };
        var workers = new Option<int>("--max-concurrent-reconciles") { Description = "MemoryPolicies reconciled at once.", DefaultValueFactory = _ => OperatorDefaults.MaxConcurrentReconciles };
        var logFormat = new Option<string>("--log-format") { Description = "json or text.", DefaultValueFactory = _ => OperatorDefaults.LogFormat };

        var command = new Command(
            "operator",
            "Run the operator: reconcile MemoryPolicies into status, apply them in Recreate and InPlace modes, serve the admission webhooks.\n" +
            "Exit codes: 0 stopped cleanly, 1 invalid flags.");
        command.Options.Add(kubeconfig);
        command.Options.Add(leaderElect);
        command.Options.Add(leaseNamespace);
        command.Options.Add(metrics);
        command.Options.Add(probes);
        command.Options.Add(webhookAddress);
        command.Options.Add(certDir);
        command.Options.Add(bootstrapCert);
        command.Options.Add(serviceName);
        command.Options.Add(serviceNamespace);
        command.Options.Add(certSecret);
        command.Options.Add(mutatingConfiguration);
        command.Options.Add(validatingConfiguration);
        prometheus.AddTo(command);
        command.Options.Add(interval);
        command.Options.Add(namespaces);
        command.Options.Add(workers);
        command.Options.Add(logFormat);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new List<string>();
            PrometheusClientOptions? prometheusOptions = null;
            if (parse.GetValue(prometheus.Url) is not null)
            {
                try
                {
                    prometheusOptions = prometheus.Read(parse);
                }
                catch (CliInputException e)
                {
                    errors.Add(e.Message);
                }
            }

            var flags = new OperatorFlagValues
            {
                Kubeconfig = parse.GetValue(kubeconfig),
                LeaderElect = parse.GetValue(leaderElect),
                LeaderElectionNamespace = parse.GetValue(leaseNamespace),
                MetricsBindAddress = parse.GetValue(metrics)!,
                HealthProbeBindAddress = parse.GetValue(probes)!,
                WebhookBindAddress = parse.GetValue(webhookAddress)!,
                WebhookCertDir = parse.GetValue(certDir)!,
                WebhookBootstrapCert = parse.GetValue(bootstrapCert),
                WebhookServiceName = parse.GetValue(serviceName)!,
                WebhookServiceNamespace = parse.GetValue(serviceNamespace),
                WebhookCertSecret = parse.GetValue(certSecret)!,
                MutatingWebhookConfiguration = parse.GetValue(mutatingConfiguration)!,
                ValidatingWebhookConfiguration = parse.GetValue(validatingConfiguration)!,
                RecommendationInterval = parse.GetValue(interval)!,
                Namespaces = parse.GetValue(namespaces) ?? [],
                MaxConcurrentReconciles = parse.GetValue(workers),
                LogFormat = parse.GetValue(logFormat)!,
            };
            var (options, invalid) = OperatorOptionsValidator.Validate(
                flags, prometheusOptions, HostEnvironment.Detect(), File.Exists);
            // A --prometheus-url that failed to read has said so already; the validator only knows it is missing.
            var readFailed = errors.Count > 0;
            errors.AddRange(readFailed ? invalid.Where(e => !e.StartsWith("--prometheus-url:", StringComparison.Ordinal)) : invalid);
            if (errors.Count > 0 || options is null)
            {
                foreach (var error in errors)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync("error: " + error);
                }

                return ExitCodes.InputError;
            }

            await OperatorHost.RunAsync(options, time, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
