using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using RightSizer.Operator.Hosting;

namespace RightSizer.Operator.Tests.Hosting;

/// <summary>The operator's kubeconfig reader against KubernetesClient's own, on one file with every kind of entry the operator meets.</summary>
public sealed class KubeconfigFileTests
{
    private static readonly string[] Contexts = ["dev", "prod", "basic"];

    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("rightsizer-kubeconfig-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestCaseSource(nameof(Contexts))]
    public void Load_Context_SameConfigurationAsKubernetesClientsReader(string context)
    {
        var path = WriteKubeconfig();

        var expected = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context);
        var actual = KubeconfigFile.Load(path, context);

        Assert.That(Describe(actual), Is.EqualTo(Describe(expected)));
    }

    [Test]
    public void Load_NoContextGiven_UsesTheFilesCurrentContext()
    {
        var configuration = KubeconfigFile.Load(WriteKubeconfig());

        Assert.Multiple(() =>
        {
            Assert.That(configuration.CurrentContext, Is.EqualTo("dev"));
            Assert.That(configuration.Namespace, Is.EqualTo("team-a"));
            Assert.That(configuration.AccessToken, Is.EqualTo("dev-token"));
        });
    }

    [Test]
    public void Load_RelativeCertificatePaths_ResolvedAgainstTheFilesDirectory()
    {
        var configuration = KubeconfigFile.Load(WriteKubeconfig(), "prod");

        Assert.Multiple(() =>
        {
            Assert.That(configuration.ClientCertificateFilePath, Is.EqualTo(Path.Combine(_directory, "certs", "client.crt")));
            Assert.That(configuration.ClientKeyFilePath, Is.EqualTo(Path.Combine(_directory, "certs", "client.key")));
        });
    }

    private static string Describe(KubernetesClientConfiguration c) => string.Join(
        "\n",
        $"host={c.Host}",
        $"namespace={c.Namespace}",
        $"context={c.CurrentContext}",
        $"token={c.AccessToken}",
        $"user={c.Username}:{c.Password}",
        $"clientCert={c.ClientCertificateFilePath}|{c.ClientKeyFilePath}|{c.ClientCertificateData}|{c.ClientCertificateKeyData}",
        $"skipTlsVerify={c.SkipTlsVerify}",
        $"tlsServerName={c.TlsServerName}",
        $"ca={string.Join(',', (c.SslCaCerts ?? []).Select(cert => cert.Thumbprint))}");

    private string WriteKubeconfig()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = new CertificateRequest("CN=kubeconfig-test-ca", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var caData = Convert.ToBase64String(Encoding.ASCII.GetBytes(ca.ExportCertificatePem()));
        var path = Path.Combine(_directory, "config");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            current-context: dev
            preferences: {"{}"}
            clusters:
            - name: dev-cluster
              cluster:
                server: https://dev.example:6443
                certificate-authority-data: {caData}
                tls-server-name: api.dev.example
            - name: prod-cluster
              cluster:
                server: https://prod.example:6443
                insecure-skip-tls-verify: true
            contexts:
            - name: dev
              context:
                cluster: dev-cluster
                user: dev-user
                namespace: team-a
            - name: prod
              context: {"{"}cluster: prod-cluster, user: prod-user{"}"}
            - name: basic
              context: {"{"}cluster: dev-cluster, user: basic-user, namespace: team-b{"}"}
            users:
            - name: dev-user
              user:
                token: dev-token
            - name: prod-user
              user:
                client-certificate: certs/client.crt
                client-key: certs/client.key
            - name: basic-user
              user:
                username: admin
                password: "s3cret: yes"
            """);
        return path;
    }
}
