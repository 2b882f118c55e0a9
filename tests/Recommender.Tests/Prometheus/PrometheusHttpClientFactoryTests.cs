using System.Net;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Prometheus;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

/// <summary>The HTTP client's behaviour on the wire, through a recording proxy in front of a real Prometheus.</summary>
[NonParallelizable]
public sealed class PrometheusHttpClientFactoryTests
{
    private string _directory = null!;

    private static PrometheusServerFixture Fixture => PrometheusServerFixture.Shared;

    [OneTimeSetUp]
    public void CreateFolder() => _directory = Directory.CreateTempSubdirectory("rightsizer-prometheus-client-").FullName;

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Create_BaseUrlWithPathPrefix_PrefixKeptOnEveryRequest()
    {
        await using var proxy = new RecordingProxy(Fixture.Server.BaseUrl, prefix: "/prometheus");

        var count = await CountHistoriesAsync(new PrometheusClientOptions { BaseUrl = proxy.BaseUrl });

        Assert.That(count, Is.GreaterThan(0));
        Assert.That(proxy.Requests.Select(r => r.Path), Has.All.StartsWith("/prometheus/api/v1/query"));
    }

    [Test]
    public async Task Create_ScopeOrgIdHeader_SentOnEveryRequest()
    {
        await using var proxy = new RecordingProxy(Fixture.Server.BaseUrl);
        var options = new PrometheusClientOptions
        {
            BaseUrl = proxy.BaseUrl,
            Headers = new Dictionary<string, string> { ["X-Scope-OrgID"] = "team-a" },
        };

        await CountHistoriesAsync(options);

        Assert.That(proxy.Requests.Select(r => r.Headers["X-Scope-OrgID"]), Is.Not.Empty.And.All.EqualTo("team-a"));
    }

    [Test]
    public async Task Create_BasicAuth_SentAsAuthorizationHeader()
    {
        await using var proxy = new RecordingProxy(Fixture.Server.BaseUrl);
        var options = new PrometheusClientOptions { BaseUrl = proxy.BaseUrl, BasicAuthUser = "reader", BasicAuthPassword = "s3cret" };

        await CountHistoriesAsync(options);

        Assert.That(proxy.Requests.Select(r => r.Headers["Authorization"]), Is.Not.Empty.And.All.EqualTo("Basic cmVhZGVyOnMzY3JldA=="));
    }

    [Test]
    public async Task Create_BearerTokenFileRewritten_NewTokenSent()
    {
        await using var proxy = new RecordingProxy(Fixture.Server.BaseUrl);
        var tokenFile = Path.Combine(_directory, "token");
        await File.WriteAllTextAsync(tokenFile, "first\n");
        var options = new PrometheusClientOptions { BaseUrl = proxy.BaseUrl, BearerTokenFile = tokenFile };
        using var http = PrometheusHttpClientFactory.Create(options);

        await CountHistoriesAsync(http);
        var firstScan = proxy.Requests.Count;
        await File.WriteAllTextAsync(tokenFile, "second\n");
        File.SetLastWriteTimeUtc(tokenFile, File.GetLastWriteTimeUtc(tokenFile).AddSeconds(1));
        await CountHistoriesAsync(http);

        var tokens = proxy.Requests.Select(r => r.Headers["Authorization"]).ToList();
        Assert.That(tokens.Take(firstScan), Has.All.EqualTo("Bearer first"));
        Assert.That(tokens.Skip(firstScan), Is.Not.Empty.And.All.EqualTo("Bearer second"));
    }

    [Test]
    public void Create_MissingBearerTokenFile_ErrorNamesTheFile()
    {
        var options = new PrometheusClientOptions { BaseUrl = new Uri("http://127.0.0.1:1"), BearerTokenFile = Path.Combine(_directory, "absent") };

        Assert.That(() => PrometheusHttpClientFactory.Create(options), Throws.ArgumentException.With.Message.Contains("absent"));
    }

    [Test]
    public void ReadAsync_ClosedPort_UnreachableError()
    {
        var options = new PrometheusClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}"), MaxRetries = 0 };

        var error = Assert.ThrowsAsync<HistorySourceException>(() => CountHistoriesAsync(options));

        Assert.That(error!.Unreachable, Is.True);
        Assert.That(error.Message, Does.Contain("could not be reached").And.Contain("query: count by (namespace)"));
    }

    [Test]
    public async Task ReadAsync_ServerNeverAnswers_TimeoutErrorNamingTheQuery()
    {
        await using var silent = new SilentServer();
        var options = new PrometheusClientOptions { BaseUrl = silent.BaseUrl, Timeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };

        var error = Assert.ThrowsAsync<HistorySourceException>(() => CountHistoriesAsync(options));

        Assert.That(error!.Unreachable, Is.True);
        Assert.That(error.Message, Does.Contain("timed out").And.Contain("query: count by (namespace)"));
    }

    [Test]
    public async Task ReadAsync_ServiceUnavailableOnce_RetriedAndSucceeds()
    {
        await using var proxy = new RecordingProxy(Fixture.Server.BaseUrl, failWith: n => n == 0 ? HttpStatusCode.ServiceUnavailable : null);
        var stats = new PrometheusTransferStats();
        var options = new PrometheusClientOptions { BaseUrl = proxy.BaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        using var http = PrometheusHttpClientFactory.Create(options, stats);

        var count = await CountHistoriesAsync(http);

        Assert.That(count, Is.GreaterThan(0));
        Assert.That(stats.Requests, Is.EqualTo(proxy.Requests.Count));
        Assert.That(proxy.Requests.Take(2).Select(r => r.Path), Is.EqualTo(new[] { "/api/v1/query", "/api/v1/query" }), "the refused query was sent again");
    }

    [Test]
    public async Task ReadAsync_ServiceUnavailableAlways_ClearErrorAfterMaxRetries()
    {
        await using var proxy = new RecordingProxy(Fixture.Server.BaseUrl, failWith: _ => HttpStatusCode.ServiceUnavailable);
        var options = new PrometheusClientOptions { BaseUrl = proxy.BaseUrl, MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };

        var error = Assert.ThrowsAsync<HistorySourceException>(() => CountHistoriesAsync(options));

        Assert.That(proxy.Requests, Has.Count.EqualTo(3));
        Assert.That(error!.Unreachable, Is.True);
        Assert.That(error.Message, Does.Contain("HTTP 503, after retries").And.Contain("query: count by (namespace)"));
    }

    private async Task<int> CountHistoriesAsync(PrometheusClientOptions options)
    {
        using var http = PrometheusHttpClientFactory.Create(options);
        return await CountHistoriesAsync(http);
    }

    private async Task<int> CountHistoriesAsync(HttpClient http)
    {
        var source = new PrometheusHistorySource(http);
        var count = 0;
        await foreach (var _ in source.ReadAsync(new HistoryQuery(Fixture.Scenario.End, ClusterScenario.Window), CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}
