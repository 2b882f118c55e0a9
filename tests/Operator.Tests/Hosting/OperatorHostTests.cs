using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RightSizer.Operator.Hosting;
using RightSizer.Recommender.Prometheus;

namespace RightSizer.Operator.Tests.Hosting;

/// <summary>The host over real HTTP: probes and metrics on their own ports, before any API server answers.</summary>
public sealed class OperatorHostTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Start_NoApiServer_HealthyNotReadyAndMetricsServed()
    {
        var kubeconfig = Path.Combine(TestContext.CurrentContext.WorkDirectory, "unreachable-kubeconfig.yaml");
        await File.WriteAllTextAsync(kubeconfig, UnreachableKubeconfig);
        var options = new OperatorOptions
        {
            Kubeconfig = kubeconfig,
            Prometheus = new PrometheusClientOptions { BaseUrl = new Uri("http://127.0.0.1:1") },
            HealthProbeBindAddress = new BindAddress(IPAddress.Loopback, 0),
            MetricsBindAddress = new BindAddress(IPAddress.Loopback, 0),
            LogFormat = LogFormat.Text,
        };
        await using var app = OperatorHost.Build(options, new FakeTimeProvider());
        await app.StartAsync().WaitAsync(Wait);
        var endpoints = app.Services.GetRequiredService<OperatorEndpoints>();
        using var http = new HttpClient { Timeout = Wait };
        var probes = new Uri($"http://127.0.0.1:{endpoints.Port(ListenerRole.Probes)}");
        var metrics = new Uri($"http://127.0.0.1:{endpoints.Port(ListenerRole.Metrics)}");

        using var healthz = await http.GetAsync(new Uri(probes, "/healthz"));
        using var readyz = await http.GetAsync(new Uri(probes, "/readyz"));
        using var metricsOnProbes = await http.GetAsync(new Uri(probes, "/metrics"));
        var scrape = await http.GetStringAsync(new Uri(metrics, "/metrics"));
        await app.StopAsync().WaitAsync(Wait);

        Assert.Multiple(() =>
        {
            Assert.That(healthz.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(readyz.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "not ready before the caches sync");
            Assert.That(metricsOnProbes.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "each endpoint answers on its own port only");
            Assert.That(scrape, Does.Contain("rightsizer_watch_restarts"), "the watchers' failed lists are counted");
        });
    }

    private const string UnreachableKubeconfig = """
        apiVersion: v1
        kind: Config
        clusters: [{name: none, cluster: {server: "http://127.0.0.1:1"}}]
        users: [{name: none, user: {token: unused}}]
        contexts: [{name: none, context: {cluster: none, user: none}}]
        current-context: none
        """;
}
