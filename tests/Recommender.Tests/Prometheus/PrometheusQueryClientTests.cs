using System.Diagnostics;
using System.Net;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Prometheus;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

/// <summary>The transport against servers that misbehave the way proxies, gateways and overloaded servers do.</summary>
public sealed class PrometheusQueryClientTests
{
    private static readonly DateTimeOffset AsOf = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static string Usage(string pod, string container, params string[] values) =>
        $$"""{"metric":{"namespace":"shop","pod":"{{pod}}","container":"{{container}}"},"values":[{{string.Join(',', values.Select((v, i) => $"[{AsOf.ToUnixTimeSeconds() - 3600 + (i * 300)},\"{v}\"]"))}}]}""";

    /// <summary>A one-namespace cluster: the series count, then the given usage matrix; every other query answers empty.</summary>
    private static Func<CannedRequest, CannedAnswer> Cluster(string usage, string warnings = "") => request =>
        request.Form.Contains("count by (namespace)", StringComparison.Ordinal)
            ? CannedAnswer.Vector($$"""[{"metric":{"namespace":"shop"},"value":[1,"2"]}]""", warnings)
            : request.Path.EndsWith("query_range", StringComparison.Ordinal)
                ? CannedAnswer.Matrix(request.Form.Contains("container_memory_working_set_bytes", StringComparison.Ordinal) ? usage : "[]")
                : CannedAnswer.Vector();

    [Test]
    public async Task ReadAsync_RetryAfterOfAnHourHungTheScan_WaitCapped()
    {
        await using var server = new CannedServer(request => request.Number == 0
            ? new CannedAnswer(HttpStatusCode.TooManyRequests) { Headers = new Dictionary<string, string> { ["Retry-After"] = "3600" } }
            : Cluster($"[{Usage("web-1", "app", "100")}]")(request));
        var options = new PrometheusClientOptions { BaseUrl = server.BaseUrl, MaxRetries = 1, MaxRetryDelay = TimeSpan.FromMilliseconds(200) };
        var clock = Stopwatch.StartNew();

        var histories = await ReadAsync(options);

        Assert.Multiple(() =>
        {
            Assert.That(histories, Has.Count.EqualTo(1), "the retry after the capped wait succeeded");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "waited the cap (200 ms), not the hour");
        });
    }

    [Test]
    public async Task ReadAsync_ServerAlwaysSaysRetryLater_BoundedByTimeoutTimesAttempts()
    {
        await using var server = new CannedServer(_ =>
            new CannedAnswer(HttpStatusCode.TooManyRequests) { Headers = new Dictionary<string, string> { ["Retry-After"] = "3600" } });
        var options = new PrometheusClientOptions { BaseUrl = server.BaseUrl, Timeout = TimeSpan.FromMilliseconds(500), MaxRetries = 3 };
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<HistorySourceException>(() => ReadAsync(options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("Prometheus timed out; query: count by (namespace)"));
            Assert.That(error.Unreachable, Is.True);
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "4 attempts x 500 ms bound the request, not 3 x 30 s of Retry-After");
        });
    }

    [Test]
    public async Task ReadAsync_RedirectTurnedPostIntoGet_NotFollowedAndNamed()
    {
        await using var server = new CannedServer(_ =>
            new CannedAnswer(HttpStatusCode.Found, "") { Headers = new Dictionary<string, string> { ["Location"] = "https://sso.example/login" } });

        var error = Assert.ThrowsAsync<HistorySourceException>(() => ReadAsync(new PrometheusClientOptions { BaseUrl = server.BaseUrl }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("Prometheus answered HTTP 302 Found, a redirect to https://sso.example/login: give the URL it points to"));
            Assert.That(server.Requests.Select(r => r.Method), Is.EqualTo(new[] { "POST" }), "the redirect was not followed as a GET");
        });
    }

    [Test]
    public async Task ReadAsync_SingleInternalError_NotReportedAsAfterRetries()
    {
        await using var server = new CannedServer(_ => new CannedAnswer(HttpStatusCode.InternalServerError, """{"status":"error","errorType":"internal","error":"boom"}"""));

        var error = Assert.ThrowsAsync<HistorySourceException>(() => ReadAsync(new PrometheusClientOptions { BaseUrl = server.BaseUrl }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("Prometheus query failed (HTTP 500): internal: boom"));
            Assert.That(server.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task ReadAsync_PrometheusWarningsDropped_PassedOnOnce()
    {
        await using var server = new CannedServer(Cluster($"[{Usage("web-1", "app", "100")}]", warnings: ""","warnings":["PromQL info: metric might not be a counter"]"""));
        var warnings = new List<string>();

        await ReadAsync(new PrometheusClientOptions { BaseUrl = server.BaseUrl }, warnings.Add);

        Assert.That(warnings, Is.EqualTo(new[] { "Prometheus: PromQL info: metric might not be a counter" }));
    }

    [Test]
    public async Task ReadAsync_AnswerLargerThanTheCap_ClearError()
    {
        var huge = string.Join(',', Enumerable.Range(0, 200).Select(i => Usage($"web-{i}", "app", "100", "200", "300")));
        await using var server = new CannedServer(Cluster($"[{huge}]"));
        var options = new PrometheusClientOptions { BaseUrl = server.BaseUrl, MaxResponseBytes = 1024 * 1024 / 64 };

        var error = Assert.ThrowsAsync<HistorySourceException>(() => ReadAsync(options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("Prometheus answer unusable: the answer exceeds 16384 bytes; narrow the scan"));
            Assert.That(error.Unreachable, Is.False);
        });
    }

    private static readonly TestCaseData[] BadValues =
    [
        new TestCaseData("1e30", "which is larger than 1 PiB, more than any container holds").SetName("ReadAsync_SampleOf1e30CrashedWithOverflow_SeriesSkippedWithWarning"),
        new TestCaseData("18446744073709551615", "which is larger than 1 PiB, more than any container holds").SetName("ReadAsync_SampleOf2Pow64CrashedWithOverflow_SeriesSkippedWithWarning"),
        new TestCaseData("9223372036854775807", "which is larger than 1 PiB, more than any container holds").SetName("ReadAsync_SampleOfLongMaxCrashedWithOverflow_SeriesSkippedWithWarning"),
        new TestCaseData("-5", "which is negative").SetName("ReadAsync_NegativeSample_SeriesSkippedAsTheFileReaderRejectsIt"),
        new TestCaseData("NaN", "which is not a number (NaN)").SetName("ReadAsync_NaNSample_SeriesSkippedAsTheFileReaderRejectsIt"),
        new TestCaseData("+Inf", "which is infinite").SetName("ReadAsync_InfiniteSample_SeriesSkippedAsTheFileReaderRejectsIt"),
    ];

    [TestCaseSource(nameof(BadValues))]
    public async Task ReadAsync_ImpossibleSample_ThatSeriesSkippedOthersRead(string value, string reason)
    {
        await using var server = new CannedServer(Cluster($"[{Usage("web-1", "app", "100", value)},{Usage("db-1", "db", "100", "200")}]"));
        var warnings = new List<string>();

        var histories = await ReadAsync(new PrometheusClientOptions { BaseUrl = server.BaseUrl }, warnings.Add);

        Assert.Multiple(() =>
        {
            Assert.That(histories.Select(h => h.Key.Id), Is.EqualTo(new[] { "shop/Pod/db-1/db" }));
            Assert.That(warnings, Has.Count.EqualTo(1));
            Assert.That(warnings[0], Does.StartWith($"shop/Pod/web-1/app: skipped: pod web-1 has the sample").And.EndWith(reason));
        });
    }

    [Test]
    public void Create_HeaderValueWithLineBreak_Rejected()
    {
        var options = new PrometheusClientOptions
        {
            BaseUrl = new Uri("http://127.0.0.1:9"),
            Headers = new Dictionary<string, string> { ["X-Scope-OrgID"] = "team-a\r\nX-Evil: 1" },
        };

        Assert.That(() => PrometheusHttpClientFactory.Create(options), Throws.ArgumentException.With.Message.EqualTo("header X-Scope-OrgID cannot be sent as a request header"));
    }

    private static async Task<List<ContainerHistory>> ReadAsync(PrometheusClientOptions options, Action<string>? warn = null)
    {
        using var http = PrometheusHttpClientFactory.Create(options with { RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var list = new List<ContainerHistory>();
        await foreach (var history in new PrometheusHistorySource(http, warn: warn).ReadAsync(new HistoryQuery(AsOf, TimeSpan.FromHours(2)), CancellationToken.None))
        {
            list.Add(history);
        }

        return list;
    }
}
