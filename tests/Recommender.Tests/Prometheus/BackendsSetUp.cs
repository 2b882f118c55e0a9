using RightSizer.Testing.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

/// <summary>
/// One real Prometheus and one real VictoriaMetrics for every test of this namespace, started once: a missing binary
/// fails them all with what to install.
/// </summary>
[SetUpFixture]
public sealed class BackendsSetUp
{
    private PrometheusServerFixture? _fixture;

    [OneTimeSetUp]
    public async Task StartBackends() => _fixture = await PrometheusServerFixture.StartAsync(withVictoriaMetrics: true);

    [OneTimeTearDown]
    public async Task StopBackends()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }
}
