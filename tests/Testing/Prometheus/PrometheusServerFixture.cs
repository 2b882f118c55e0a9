namespace RightSizer.Testing.Prometheus;

/// <summary>A real Prometheus serving <see cref="ClusterScenario"/>; one per test class, started in OneTimeSetUp.</summary>
public sealed class PrometheusServerFixture : IAsyncDisposable
{
    private PrometheusServerFixture(PrometheusServer server, ClusterScenario scenario)
    {
        Server = server;
        Scenario = scenario;
    }

    public PrometheusServer Server { get; }

    public ClusterScenario Scenario { get; }

    public static async Task<PrometheusServerFixture> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("rightsizer-prometheus-").FullName;
        var scenario = new ClusterScenario(TimeProvider.System.GetUtcNow());
        var file = Path.Combine(directory, "cluster.om");
        scenario.Write(file);
        return new PrometheusServerFixture(await PrometheusServer.StartAsync(directory, [file]), scenario);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
