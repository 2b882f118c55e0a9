using RightSizer.Operator.Hosting;
using RightSizer.Recommender.Prometheus;

namespace RightSizer.Operator.Tests.Hosting;

public sealed class OperatorOptionsValidatorTests
{
    private static readonly PrometheusClientOptions Prometheus = new() { BaseUrl = new Uri("http://prometheus:9090") };
    private static readonly HostEnvironment InCluster = new(true, "rightsizer-system", "rightsizer-abc");
    private static readonly HostEnvironment Laptop = new(false, null, "laptop");

    // Each row: flags that are wrong in one way, and the one error expected.
    private static readonly TestCaseData[] Invalid =
    [
        Row("Validate_OutsideClusterWithoutKubeconfig_AsksForOne", new OperatorFlagValues(), Laptop, "--kubeconfig: not running in a cluster (no service account configuration); give a kubeconfig file"),
        Row("Validate_MissingKubeconfigFile_NamesIt", new OperatorFlagValues { Kubeconfig = "/nope" }, InCluster, "--kubeconfig '/nope': file not found"),
        Row("Validate_LeaderElectOutsideClusterWithoutNamespace_AsksForIt", new OperatorFlagValues { Kubeconfig = "kc", LeaderElect = true }, Laptop, "--leader-election-namespace: required with --leader-elect outside a cluster"),
        Row("Validate_BadLeaseNamespace_Rejected", new OperatorFlagValues { LeaderElectionNamespace = "Bad_NS" }, InCluster, "--leader-election-namespace 'Bad_NS': not a valid namespace name"),
        Row("Validate_BindAddressWithoutPort_Rejected", new OperatorFlagValues { MetricsBindAddress = "8080" }, InCluster, "--metrics-bind-address '8080': expected [host]:port, or 0 to disable"),
        Row("Validate_BindAddressBadPort_Rejected", new OperatorFlagValues { HealthProbeBindAddress = ":99999" }, InCluster, "--health-probe-bind-address ':99999': the port must be a number from 0 to 65535"),
        Row("Validate_BindAddressBadHost_Rejected", new OperatorFlagValues { WebhookBindAddress = "example.com:9443" }, InCluster, "--webhook-bind-address 'example.com:9443': 'example.com' is not an IP address"),
        Row("Validate_IntervalTooShort_Rejected", new OperatorFlagValues { RecommendationInterval = "30s" }, InCluster, "--recommendation-interval '30s': must be at least 1m"),
        Row("Validate_BadNamespace_Rejected", new OperatorFlagValues { Namespaces = ["ok", "Not-OK"] }, InCluster, "--namespace 'Not-OK': not a valid namespace name"),
        Row("Validate_ZeroWorkers_Rejected", new OperatorFlagValues { MaxConcurrentReconciles = 0 }, InCluster, "--max-concurrent-reconciles '0': must be from 1 to 64"),
        Row("Validate_UnknownLogFormat_Rejected", new OperatorFlagValues { LogFormat = "xml" }, InCluster, "--log-format 'xml': one of json, text"),
        Row("Validate_BootstrapCertWithoutWebhooks_Rejected", new OperatorFlagValues { WebhookBootstrapCert = true, WebhookBindAddress = "0" }, InCluster, "--webhook-bootstrap-cert: needs the webhook server, but --webhook-bind-address is 0"),
        Row("Validate_BootstrapBadServiceName_Rejected", new OperatorFlagValues { WebhookBootstrapCert = true, WebhookServiceName = "Web.Hook" }, InCluster, "--webhook-service-name 'Web.Hook': not a valid Service name"),
        Row("Validate_BootstrapBadSecretName_Rejected", new OperatorFlagValues { WebhookBootstrapCert = true, WebhookCertSecret = "certs/x" }, InCluster, "--webhook-cert-secret 'certs/x': not a valid object name"),
        Row("Validate_BootstrapBadNamespace_Rejected", new OperatorFlagValues { WebhookBootstrapCert = true, WebhookServiceNamespace = "NS" }, InCluster, "--webhook-service-namespace 'NS': not a valid namespace name"),
    ];

    [TestCaseSource(nameof(Invalid))]
    public void Validate_OneWrongFlag_OneClearError(OperatorFlagValues flags, HostEnvironment environment, string error)
    {
        var (options, errors) = OperatorOptionsValidator.Validate(flags, Prometheus, environment, path => path == "kc");

        Assert.That(options, Is.Null);
        Assert.That(errors, Is.EqualTo(new[] { error }));
    }

    [Test]
    public void Validate_BootstrapCertInCluster_ServiceInThePodsNamespace()
    {
        var (options, errors) = OperatorOptionsValidator.Validate(new OperatorFlagValues { WebhookBootstrapCert = true }, Prometheus, new HostEnvironment(true, "ops", "pod"), _ => false);

        Assert.That(errors, Is.Empty);
        Assert.That(options!.WebhookBootstrap, Is.EqualTo(new Operator.Hosting.Certificates.WebhookCertificateOptions { Namespace = "ops" }));
    }

    [Test]
    public void Validate_NoBootstrapCert_NoBootstrapOptions()
    {
        var (options, _) = OperatorOptionsValidator.Validate(new OperatorFlagValues(), Prometheus, InCluster, _ => false);

        Assert.That(options!.WebhookBootstrap, Is.Null);
    }

    [Test]
    public void Validate_NoPrometheus_SaysItIsRequired()
    {
        var (_, errors) = OperatorOptionsValidator.Validate(new OperatorFlagValues(), null, InCluster, _ => true);

        Assert.That(errors, Is.EqualTo(new[] { "--prometheus-url: required (the base URL of a Prometheus-compatible API)" }));
    }

    [Test]
    public void Validate_Defaults_InClusterOptions()
    {
        var (options, errors) = OperatorOptionsValidator.Validate(new OperatorFlagValues { LeaderElect = true }, Prometheus, InCluster, _ => false);

        Assert.That(errors, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(options!.Kubeconfig, Is.Null, "in-cluster configuration");
            Assert.That(options.LeaderElectionNamespace, Is.EqualTo("rightsizer-system"), "the pod's own namespace");
            Assert.That(options.Identity, Is.EqualTo("rightsizer-abc"));
            Assert.That(options.RecommendationInterval, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(options.MetricsBindAddress!.Port, Is.EqualTo(8080));
            Assert.That(options.HealthProbeBindAddress!.Port, Is.EqualTo(8081));
            Assert.That(options.LogFormat, Is.EqualTo(LogFormat.Json));
            Assert.That(options.Namespaces, Is.Empty);
        });
    }

    [Test]
    public void Validate_MetricsDisabled_NoMetricsAddress()
    {
        var (options, _) = OperatorOptionsValidator.Validate(new OperatorFlagValues { MetricsBindAddress = "0", Namespaces = ["a", "b", "a"] }, Prometheus, InCluster, _ => false);

        Assert.That(options!.MetricsBindAddress, Is.Null);
        Assert.That(options.Namespaces, Is.EqualTo(new[] { "a", "b" }));
    }

    private static TestCaseData Row(string name, OperatorFlagValues flags, HostEnvironment environment, string error) =>
        new TestCaseData(flags, environment, error).SetName(name);
}
