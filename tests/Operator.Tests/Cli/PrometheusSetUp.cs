using RightSizer.Testing.Prometheus;

namespace RightSizer.Operator.Tests.Cli;

/// <summary>One real Prometheus for every CLI test, started once: a missing binary fails them with what to install.</summary>
[SetUpFixture]
public sealed class PrometheusSetUp
{
    private PrometheusServerFixture? _fixture;

    [OneTimeSetUp]
    public async Task StartPrometheus() => _fixture = await PrometheusServerFixture.StartAsync();

    [OneTimeTearDown]
    public async Task StopPrometheus()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }
}
