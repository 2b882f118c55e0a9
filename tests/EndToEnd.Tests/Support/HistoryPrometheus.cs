using RightSizer.Testing.Prometheus;

namespace RightSizer.EndToEnd.Tests.Support;

/// <summary>A real Prometheus, in a temporary folder of its own, backfilled with a <see cref="WorkloadHistory"/>.</summary>
public static class HistoryPrometheus
{
    public static async Task<PrometheusServer> StartAsync(Func<WorkloadHistory, WorkloadHistory> describe, CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("rightsizer-e2e-prometheus-").FullName;
        var history = describe(new WorkloadHistory(TimeProvider.System.GetUtcNow()));
        return await PrometheusServer.StartAsync(directory, [history.Write(directory)], cancellationToken);
    }
}
