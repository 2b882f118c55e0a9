using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RightSizer.Operator.Hosting.Certificates;
using RightSizer.Testing.KubeApi;

namespace RightSizer.Operator.Tests.Hosting.Certificates;

/// <summary>The Secret that replicas share, against the local API server with the real KubernetesClient.</summary>
public sealed class CertificateSecretStoreTests
{
    private const string Namespace = "rightsizer-system";
    private static readonly IReadOnlyList<string> Names = CertificatePlanner.ServiceDnsNames(WebhookCertificateDefaults.ServiceName, Namespace);

    [Test]
    public async Task EnsureAsync_SecondInstance_ReusesTheStoredCaWithoutWriting()
    {
        await using var server = await StartAsync();
        var client = server.CreateClient();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());

        var first = await Store(client, "certs", time).EnsureAsync(Names, CancellationToken.None);
        var written = await client.CoreV1.ReadNamespacedSecretAsync("certs", Namespace);
        var second = await Store(client, "certs", time).EnsureAsync(Names, CancellationToken.None);
        var after = await client.CoreV1.ReadNamespacedSecretAsync("certs", Namespace);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(after.Metadata.ResourceVersion, Is.EqualTo(written.Metadata.ResourceVersion), "a restart reuses the Secret as it is");
            Assert.That(after.Type, Is.EqualTo("kubernetes.io/tls"));
            Assert.That(after.Data.Keys, Is.EquivalentTo(new[] { "ca.crt", "ca.key", "tls.crt", "tls.key" }));
        });
    }

    [Test]
    public async Task EnsureAsync_TwoReplicasAtOnce_OneSecretBothOnItsCa()
    {
        await using var server = await StartAsync();
        var client = server.CreateClient();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        const int Rounds = 8;

        var results = new List<(WebhookCertificates A, WebhookCertificates B, string Stored)>();
        for (var round = 0; round < Rounds; round++)
        {
            var name = $"race-{round}";
            var (a, b) = (Store(client, name, time), Store(client, name, time));
            var both = await Task.WhenAll(a.EnsureAsync(Names, CancellationToken.None), b.EnsureAsync(Names, CancellationToken.None));
            var stored = WebhookCertificates.FromSecretData((await client.CoreV1.ReadNamespacedSecretAsync(name, Namespace)).Data)!;
            results.Add((both[0], both[1], stored.CaBundlePem));
        }

        var secrets = await client.CoreV1.ListNamespacedSecretAsync(Namespace, labelSelector: "app.kubernetes.io/component=webhook-certificate");
        var creates = server.Requests.Count(r => r.Verb == "create" && r.Resource == "secrets");
        Assert.Multiple(() =>
        {
            Assert.That(secrets.Items, Has.Count.EqualTo(Rounds), "one Secret per name");
            Assert.That(creates, Is.GreaterThanOrEqualTo(Rounds));
            foreach (var (a, b, stored) in results)
            {
                Assert.That(a.CaBundlePem, Is.EqualTo(stored));
                Assert.That(b.CaBundlePem, Is.EqualTo(stored));
            }
        });
    }

    [Test]
    public async Task EnsureAsync_ServingInsideRenewalWindow_SecretUpdatedCaKept()
    {
        await using var server = await StartAsync();
        var client = server.CreateClient();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var first = await Store(client, "certs", time).EnsureAsync(Names, CancellationToken.None);

        time.Advance(TimeSpan.FromDays(61));
        var renewed = await Store(client, "certs", time).EnsureAsync(Names, CancellationToken.None);
        var stored = WebhookCertificates.FromSecretData((await client.CoreV1.ReadNamespacedSecretAsync("certs", Namespace)).Data);

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(renewed));
            Assert.That(renewed.ServingCertificatePem, Is.Not.EqualTo(first.ServingCertificatePem));
            Assert.That(renewed.CaBundlePem, Is.EqualTo(first.CaBundlePem));
        });
    }

    [Test]
    public async Task EnsureAsync_ConflictOnUpdate_ReReadAndRetried()
    {
        await using var server = await StartAsync();
        var client = server.CreateClient();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await Store(client, "certs", time).EnsureAsync(Names, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(61));
        server.Faults.ConflictOnNextWrite("secrets");

        var renewed = await Store(client, "certs", time).EnsureAsync(Names, CancellationToken.None);
        var stored = WebhookCertificates.FromSecretData((await client.CoreV1.ReadNamespacedSecretAsync("certs", Namespace)).Data);

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(renewed));
            Assert.That(server.Requests.Count(r => r.Verb == "update" && r.Resource == "secrets"), Is.EqualTo(2), "the 409 was retried once");
        });
    }

    private static CertificateSecretStore Store(IKubernetes client, string name, TimeProvider time) =>
        new(client, Namespace, name, time, NullLogger<CertificateSecretStore>.Instance);

    private static async Task<LocalKubeApiServer> StartAsync()
    {
        var server = await LocalKubeApiServer.StartAsync(new LocalKubeApiServerOptions { SimulateNodes = false });
        await server.CreateClient().CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new k8s.Models.V1ObjectMeta { Name = Namespace } });
        return server;
    }
}
