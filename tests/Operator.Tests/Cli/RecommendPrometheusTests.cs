using System.Globalization;
using System.Text.Json;
using RightSizer.Testing.Prometheus;

namespace RightSizer.Operator.Tests.Cli;

/// <summary><c>rightsizer recommend --prometheus-url</c> end to end, against a real Prometheus holding <see cref="ClusterScenario"/>.</summary>
[NonParallelizable]
public sealed class RecommendPrometheusTests
{
    private PrometheusServerFixture _fixture = null!;

    [OneTimeSetUp]
    public async Task StartPrometheus() => _fixture = await PrometheusServerFixture.StartAsync();

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _fixture.DisposeAsync();

    [Test]
    public async Task Recommend_RealPrometheus_DeploymentSizedWithItsOomKillAndQos()
    {
        // A range point at t holds the peak of the 5 minutes up to t, and the engine counts history strictly before
        // the decision time, so deciding one step after the scenario's end sees all of its steps.
        var asOf = (_fixture.Scenario.End.ToUnixTimeSeconds() + ClusterScenario.StepSeconds).ToString(CultureInfo.InvariantCulture);

        var (exit, output, error) = await CliRun.RunAsync(
            "recommend", "--prometheus-url", _fixture.Server.BaseUrl.ToString(), "--as-of", asOf, "--window", "1d", "-n", ClusterScenario.Shop, "-o", "json", "--stats");

        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.GetProperty("recommendations").EnumerateArray().ToList();
        var web = rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(web.GetProperty("series").GetString(), Is.EqualTo("shop/Deployment/web/app"));
            Assert.That(web.GetProperty("samples").GetInt32(), Is.EqualTo(ClusterScenario.UsageSamples));
            Assert.That(web.GetProperty("oomKills").GetInt32(), Is.EqualTo(1));
            Assert.That(web.GetProperty("qosClass").GetString(), Is.EqualTo("Burstable"));
            // Killed at its 512Mi limit: the new limit is at least 1.2 times that.
            Assert.That(web.GetProperty("limitBytes").GetInt64(), Is.GreaterThanOrEqualTo((long)(ClusterScenario.WebMemoryLimit.Bytes * 1.2)));
            Assert.That(web.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.StartWith("oom-bump: 1 kill(s) in window, last at limit 512Mi"));
            Assert.That(error, Does.Match(@"prometheus: \d+ requests, \d+ bytes sent, \d+ bytes received"));
        });
    }

    [Test]
    public async Task Recommend_RealPrometheus_CurrentRequestAndLimitBesideTheRecommendation()
    {
        var asOf = (_fixture.Scenario.End.ToUnixTimeSeconds() + ClusterScenario.StepSeconds).ToString(CultureInfo.InvariantCulture);
        string[] args = ["recommend", "--prometheus-url", _fixture.Server.BaseUrl.ToString(), "--as-of", asOf, "--window", "1d", "-n", ClusterScenario.Shop];

        var (jsonExit, output, jsonError) = await CliRun.RunAsync([.. args, "-o", "json"]);
        var (tableExit, table, _) = await CliRun.RunAsync(args);

        Assert.That(jsonExit, Is.Zero, jsonError);
        using var json = JsonDocument.Parse(output);
        var web = json.RootElement.GetProperty("recommendations").EnumerateArray().Single();
        var summary = json.RootElement.GetProperty("summary");
        var request = web.GetProperty("requestBytes").GetInt64();
        var limit = web.GetProperty("limitBytes").GetInt64();
        Assert.Multiple(() =>
        {
            // kube-state-metrics says 256Mi requested and 512Mi limit today.
            Assert.That(web.GetProperty("currentRequestBytes").GetInt64(), Is.EqualTo(ClusterScenario.WebMemoryRequest.Bytes));
            Assert.That(web.GetProperty("currentLimitBytes").GetInt64(), Is.EqualTo(ClusterScenario.WebMemoryLimit.Bytes));
            Assert.That(web.GetProperty("currentRequest").GetString(), Is.EqualTo("256Mi"));
            Assert.That(web.GetProperty("currentQosClass").GetString(), Is.EqualTo("Burstable"));
            Assert.That(web.GetProperty("requestChangeBytes").GetInt64(), Is.EqualTo(request - ClusterScenario.WebMemoryRequest.Bytes));
            Assert.That(web.GetProperty("limitChangeBytes").GetInt64(), Is.EqualTo(limit - ClusterScenario.WebMemoryLimit.Bytes));
            Assert.That(summary.GetProperty("compared").GetInt32(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("comparedCurrentRequestBytes").GetInt64(), Is.EqualTo(ClusterScenario.WebMemoryRequest.Bytes));
            Assert.That(summary.GetProperty("comparedRequestChangeBytes").GetInt64(), Is.EqualTo(request - ClusterScenario.WebMemoryRequest.Bytes));
            Assert.That(tableExit, Is.Zero);
            Assert.That(table, Does.Contain("256Mi→"), "the table shows today's request before the proposal");
            Assert.That(table, Does.Contain("512Mi→"), "and today's limit");
            Assert.That(table, Does.Contain("requests 256Mi today, "));
        });
    }

    [Test]
    public async Task Recommend_RealPrometheusBadSelector_InputErrorExitOne()
    {
        var (exit, _, error) = await CliRun.RunAsync("recommend", "--prometheus-url", _fixture.Server.BaseUrl.ToString(), "-l", "app!=web");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(error, Does.StartWith("error: --selector 'app!=web'"));
        });
    }
}
