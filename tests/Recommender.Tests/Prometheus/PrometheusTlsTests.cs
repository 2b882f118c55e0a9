using RightSizer.Recommender.History;
using RightSizer.Recommender.Prometheus;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

/// <summary>A real Prometheus serving HTTPS with a certificate from a private CA (its web.config.file TLS settings).</summary>
[NonParallelizable]
public sealed class PrometheusTlsTests
{
    private PrometheusServer _server = null!;
    private ClusterScenario _scenario = null!;
    private TestCertificates _trusted = null!;
    private TestCertificates _other = null!;
    private string _certificates = null!;

    [OneTimeSetUp]
    public async Task StartHttpsPrometheus()
    {
        _certificates = Directory.CreateTempSubdirectory("rightsizer-tls-").FullName;
        _trusted = TestCertificates.Create(_certificates, "trusted");
        _other = TestCertificates.Create(_certificates, "other");
        var directory = Directory.CreateTempSubdirectory("rightsizer-prometheus-tls-").FullName;
        _scenario = new ClusterScenario(TimeProvider.System.GetUtcNow());
        var file = Path.Combine(directory, "cluster.om");
        _scenario.Write(file);
        var webConfig = $"tls_server_config:\n  cert_file: {_trusted.CertFile}\n  key_file: {_trusted.KeyFile}\n";
        _server = await PrometheusServer.StartAsync(directory, [file], webConfig: webConfig);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        Directory.Delete(_certificates, recursive: true);
    }

    [Test]
    public async Task Read_CaFileOfTheServersCa_Succeeds() =>
        Assert.That(await CountAsync(Options() with { CaFile = _trusted.CaFile }), Is.GreaterThan(0));

    [Test]
    public void Read_CaFileOfAnotherCa_RefusedAsUnreachable()
    {
        var error = Assert.ThrowsAsync<HistorySourceException>(() => CountAsync(Options() with { CaFile = _other.CaFile, MaxRetries = 0 }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("Prometheus could not be reached (TLS handshake failed: the server's certificate is not signed by the CA file's certificates"));
            Assert.That(error.Unreachable, Is.True);
        });
    }

    [Test]
    public void Read_NoCaFile_TlsFailureHidesInnerReason_ReasonShownWithCaFileHint()
    {
        var error = Assert.ThrowsAsync<HistorySourceException>(() => CountAsync(Options() with { MaxRetries = 0 }));

        Assert.That(error!.Message, Does.StartWith("Prometheus could not be reached (TLS handshake failed: The remote certificate is invalid")
            .And.Contain("PartialChain")
            .And.Contain("pass it with --ca-file"));
    }

    [Test]
    public async Task Read_InsecureSkipTlsVerify_Succeeds() =>
        Assert.That(await CountAsync(Options() with { InsecureSkipTlsVerify = true }), Is.GreaterThan(0));

    [Test]
    public void Create_CaFileMissing_ArgumentExceptionNamingTheFile()
    {
        var missing = Path.Combine(_certificates, "none.pem");

        Assert.That(() => PrometheusHttpClientFactory.Create(Options() with { CaFile = missing }), Throws.ArgumentException.With.Message.Contains(missing));
    }

    private PrometheusClientOptions Options() => new() { BaseUrl = _server.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };

    private async Task<int> CountAsync(PrometheusClientOptions options)
    {
        using var http = PrometheusHttpClientFactory.Create(options);
        var count = 0;
        await foreach (var _ in new PrometheusHistorySource(http).ReadAsync(new HistoryQuery(_scenario.End, ClusterScenario.Window), CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}
