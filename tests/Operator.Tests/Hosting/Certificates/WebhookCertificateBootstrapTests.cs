using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RightSizer.Operator.Hosting;
using RightSizer.Operator.Hosting.Certificates;
using RightSizer.Recommender.Prometheus;
using RightSizer.Testing.KubeApi;
using RightSizer.Testing.Tls;

namespace RightSizer.Operator.Tests.Hosting.Certificates;

/// <summary>
/// <c>rightsizer operator --webhook-bootstrap-cert</c> as a whole: the host against the local API server with
/// config/default applied, the API server calling the webhooks over TLS verified against the caBundle the operator
/// wrote, a TLS client doing the same.
/// </summary>
public sealed class WebhookCertificateBootstrapTests
{
    private const string Namespace = WebhookCertificateDefaults.Namespace;
    private const string ServerName = $"{WebhookCertificateDefaults.ServiceName}.{Namespace}.svc";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Start_ConfigDefaultApplied_SecretCreatedBothCaBundlesPatchedAndTlsVerified()
    {
        await using var cluster = await Cluster.StartAsync(TimeProvider.System.GetUtcNow());

        var (secret, caBundles) = await cluster.WaitForCaBundlesAsync(_ => true);
        var presented = await cluster.PresentedAsync(secret.CaBundlePem);
        var refused = await cluster.ApplyInvalidPolicyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(caBundles, Is.EqualTo(new[] { secret.CaBundlePem, secret.CaBundlePem }), "mutating and validating carry the Secret's CA");
            Assert.That(presented.ExportCertificatePem(), Is.EqualTo(secret.ServingCertificatePem), "the served certificate is the Secret's");
            Assert.That(refused.StdErr, Does.Contain("spec.containers[0].maxAllowed: must be >= minAllowed (got 64Mi < 128Mi)"),
                $"the API server reached the validating webhook over verified TLS: {refused}");
        });
    }

    [Test]
    public async Task Check_ServingNearExpiry_ReplacedAndServedWithTheSameCa()
    {
        // Started in the past so that the renewed certificate is valid on the real clock the TLS clients use.
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow() - TimeSpan.FromDays(70));
        await using var cluster = await Cluster.StartAsync(time);
        var (before, _) = await cluster.WaitForCaBundlesAsync(_ => true);
        var servedBefore = await cluster.PresentedAsync(before.CaBundlePem);

        time.Advance(TimeSpan.FromDays(61));
        var (after, caBundles) = await cluster.WaitForCaBundlesAsync(s => s.ServingCertificatePem != before.ServingCertificatePem);
        var servedAfter = await cluster.WaitForServedAsync(after.CaBundlePem, after.ServingCertificatePem);
        var refused = await cluster.ApplyInvalidPolicyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(after.CaBundlePem, Is.EqualTo(before.CaBundlePem), "a serving renewal keeps the CA");
            Assert.That(caBundles, Is.EqualTo(new[] { after.CaBundlePem, after.CaBundlePem }));
            Assert.That(servedAfter.SerialNumber, Is.Not.EqualTo(servedBefore.SerialNumber));
            Assert.That(servedAfter.NotAfter, Is.GreaterThan(servedBefore.NotAfter));
            Assert.That(refused.StdErr, Does.Contain("spec.containers[0].maxAllowed: must be >= minAllowed"), $"the webhook still answers: {refused}");
        });
    }

    [Test]
    public async Task Check_AuthorityNearExpiry_CaBundlesHoldNewAndOldCa()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var cluster = await Cluster.StartAsync(time);
        var (before, _) = await cluster.WaitForCaBundlesAsync(_ => true);

        time.Advance(TimeSpan.FromDays((4 * 365) + 1));
        var (after, caBundles) = await cluster.WaitForCaBundlesAsync(s => s.CaBundlePem != before.CaBundlePem);

        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(after.CaBundlePem);
        Assert.Multiple(() =>
        {
            Assert.That(caBundles, Is.EqualTo(new[] { after.CaBundlePem, after.CaBundlePem }), "both configurations get the new bundle");
            Assert.That(bundle, Has.Count.EqualTo(2));
            Assert.That(after.CaBundlePem, Does.EndWith(before.CaBundlePem), "the old CA stays trusted until it expires");
        });
    }

    /// <summary>The local API server with config/default applied and the operator host running with the bootstrap certificate.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private readonly LocalKubeApiServer _server;
        private readonly WebApplication _app;
        private readonly IPEndPoint _webhook;

        private Cluster(LocalKubeApiServer server, WebApplication app, IPEndPoint webhook)
        {
            _server = server;
            _app = app;
            _webhook = webhook;
        }

        public IKubernetes Client { get; private init; } = null!;

        public static Task<Cluster> StartAsync(DateTimeOffset start) => StartAsync(new FakeTimeProvider(start));

        public static async Task<Cluster> StartAsync(TimeProvider time)
        {
            var port = 0;
            var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions
            {
                SimulateNodes = false,
                // The API server dials the Service's endpoint and verifies the Service's name, as in a cluster.
                DialWebhook = target => target.Host == ServerName ? new IPEndPoint(IPAddress.Loopback, Volatile.Read(ref port)) : null,
            });
            var applied = await new Kubectl(server).RunAsync("apply", "-k", RepositoryRoot.File("config", "default"));
            Assert.That(applied.ExitCode, Is.Zero, applied.ToString());

            var directory = Directory.CreateTempSubdirectory("rightsizer-bootstrap-certs-").FullName;
            var options = new OperatorOptions
            {
                Kubeconfig = server.KubeconfigPath,
                Prometheus = new PrometheusClientOptions { BaseUrl = new Uri("http://127.0.0.1:1") },
                HealthProbeBindAddress = new BindAddress(IPAddress.Loopback, 0),
                WebhookBindAddress = new BindAddress(IPAddress.Loopback, 0),
                WebhookCertDir = directory,
                WebhookBootstrap = new WebhookCertificateOptions(),
                LogFormat = LogFormat.Text,
            };
            var app = OperatorHost.Build(options, time);
            await app.StartAsync().WaitAsync(Wait);
            var webhookPort = app.Services.GetRequiredService<OperatorEndpoints>().Port(ListenerRole.Webhooks)!.Value;
            Volatile.Write(ref port, webhookPort);
            return new Cluster(server, app, new IPEndPoint(IPAddress.Loopback, webhookPort)) { Client = server.CreateClient() };
        }

        /// <summary>Waits until the Secret satisfies <paramref name="condition"/> and both caBundles carry its CA.</summary>
        public async Task<(WebhookCertificates Secret, string[] CaBundles)> WaitForCaBundlesAsync(Func<WebhookCertificates, bool> condition)
        {
            var deadline = TimeProvider.System.GetUtcNow() + Wait;
            while (true)
            {
                var secret = await ReadSecretAsync();
                var mutating = await Client.AdmissionregistrationV1.ReadMutatingWebhookConfigurationAsync(WebhookCertificateDefaults.MutatingWebhookConfiguration);
                var validating = await Client.AdmissionregistrationV1.ReadValidatingWebhookConfigurationAsync(WebhookCertificateDefaults.ValidatingWebhookConfiguration);
                string[] bundles =
                [
                    .. mutating.Webhooks.Concat<object>(validating.Webhooks).Select(w => w switch
                    {
                        k8s.Models.V1MutatingWebhook m => Text(m.ClientConfig.CaBundle),
                        k8s.Models.V1ValidatingWebhook v => Text(v.ClientConfig.CaBundle),
                        _ => "",
                    }),
                ];
                if (secret is not null && condition(secret) && bundles.All(b => b == secret.CaBundlePem))
                {
                    return (secret, bundles);
                }

                if (TimeProvider.System.GetUtcNow() > deadline)
                {
                    Assert.Fail($"caBundles not written within {Wait}: secret {(secret is null ? "absent" : "present")}, bundles {string.Join(", ", bundles.Select(b => b.Length))} chars");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        public Task<X509Certificate2> PresentedAsync(string caBundlePem) => CaBundleClient.HandshakeAsync(_webhook, ServerName, caBundlePem);

        /// <summary>Waits until the webhook presents <paramref name="certificatePem"/> (the reload is asynchronous).</summary>
        public async Task<X509Certificate2> WaitForServedAsync(string caBundlePem, string certificatePem)
        {
            var deadline = TimeProvider.System.GetUtcNow() + Wait;
            while (true)
            {
                var presented = await PresentedAsync(caBundlePem);
                if (presented.ExportCertificatePem() == certificatePem || TimeProvider.System.GetUtcNow() > deadline)
                {
                    return presented;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        public Task<KubectlResult> ApplyInvalidPolicyAsync() => new Kubectl(_server).RunWithInputAsync("""
            apiVersion: rightsizer.io/v1alpha1
            kind: MemoryPolicy
            metadata: {name: bad, namespace: default}
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              containers: [{containerName: app, minAllowed: 128Mi, maxAllowed: 64Mi}]
            """, "apply", "-f", "-");

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync().WaitAsync(Wait);
            await _app.DisposeAsync();
            await _server.DisposeAsync();
        }

        private async Task<WebhookCertificates?> ReadSecretAsync()
        {
            try
            {
                var secret = await Client.CoreV1.ReadNamespacedSecretAsync(WebhookCertificateDefaults.SecretName, Namespace);
                return WebhookCertificates.FromSecretData(secret.Data);
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }

        private static string Text(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);
    }
}
