namespace RightSizer.Testing.Prometheus;

/// <summary>
/// The real backends serving <see cref="ClusterScenario"/>, started once per test assembly by the assembly's
/// <c>[SetUpFixture]</c> (<see cref="StartAsync"/> in its OneTimeSetUp, <see cref="DisposeAsync"/> in its
/// OneTimeTearDown): Prometheus, and VictoriaMetrics where the assembly asks for it.
/// </summary>
public sealed class PrometheusServerFixture : IAsyncDisposable
{
    private static PrometheusServerFixture? _shared;

    private PrometheusServerFixture(PrometheusServer server, VictoriaMetricsServer? victoriaMetrics, ClusterScenario scenario)
    {
        Server = server;
        VictoriaMetrics = victoriaMetrics;
        Scenario = scenario;
    }

    /// <summary>The fixture the SetUpFixture started; a test outside its namespace has none.</summary>
    public static PrometheusServerFixture Shared =>
        _shared ?? throw new InvalidOperationException("no shared Prometheus: the test must sit in the namespace of the assembly's [SetUpFixture] that starts it");

    public PrometheusServer Server { get; }

    public VictoriaMetricsServer? VictoriaMetrics { get; }

    public ClusterScenario Scenario { get; }

    /// <summary>The backend of the given name (<c>prometheus</c> or <c>victoria-metrics</c>).</summary>
    public IMetricsBackend Backend(string name) =>
        name == Server.Name ? Server : VictoriaMetrics is { } vm && name == vm.Name ? vm : throw new ArgumentException($"backend {name} not started", nameof(name));

    /// <summary>Starts the shared backends; fails with what to install when a binary is missing.</summary>
    public static async Task<PrometheusServerFixture> StartAsync(bool withVictoriaMetrics = false)
    {
        var directory = Directory.CreateTempSubdirectory("rightsizer-prometheus-").FullName;
        var scenario = new ClusterScenario(TimeProvider.System.GetUtcNow());
        var file = Path.Combine(directory, "cluster.om");
        scenario.Write(file);
        var prometheus = await PrometheusServer.StartAsync(directory, [file]);
        try
        {
            var vm = withVictoriaMetrics
                ? await VictoriaMetricsServer.StartAsync(Directory.CreateTempSubdirectory("rightsizer-victoria-metrics-").FullName, [file], scenario.End)
                : null;
            return _shared = new PrometheusServerFixture(prometheus, vm, scenario);
        }
        catch
        {
            await prometheus.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _shared = null;
        await Server.DisposeAsync();
        if (VictoriaMetrics is not null)
        {
            await VictoriaMetrics.DisposeAsync();
        }
    }
}
