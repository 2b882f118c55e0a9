using RightSizer.Api.Units;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Prometheus;

/// <summary>What one scan learns once (owners, resources, OOM kills, images) and applies to every batch.</summary>
internal sealed record ScanMetadata(
    WorkloadOwners Owners,
    PodResources Resources,
    IReadOnlyDictionary<ContainerKey, List<OomKill>> OomKills,
    IReadOnlyDictionary<ContainerKey, string> Images)
{
    /// <summary>Builds the metadata from the answers of the metadata queries.</summary>
    public static ScanMetadata From(
        IEnumerable<PrometheusSeries> podOwners,
        IEnumerable<PrometheusSeries> replicaSetOwners,
        IEnumerable<PrometheusSeries> jobOwners,
        IEnumerable<PrometheusSeries> requests,
        IEnumerable<PrometheusSeries> limits,
        IEnumerable<PrometheusSeries> oomKills,
        IEnumerable<PrometheusSeries> images)
    {
        var owners = new WorkloadOwners();
        foreach (var series in podOwners)
        {
            owners.AddPodOwner(series.Label("namespace"), series.Label("pod"), series.Label("owner_kind"), series.Label("owner_name"));
        }

        foreach (var series in replicaSetOwners)
        {
            owners.AddReplicaSetOwner(series.Label("namespace"), series.Label("replicaset"), series.Label("owner_kind"), series.Label("owner_name"));
        }

        foreach (var series in jobOwners)
        {
            owners.AddJobOwner(series.Label("namespace"), series.Label("job_name"), series.Label("owner_kind"), series.Label("owner_name"));
        }

        var resources = new PodResources();
        foreach (var series in requests)
        {
            resources.Add(PodKey.Of(series), series.Label("container"), series.Label("resource"), isLimit: false, series.Value?.Value ?? 0);
        }

        foreach (var series in limits)
        {
            resources.Add(PodKey.Of(series), series.Label("container"), series.Label("resource"), isLimit: true, series.Value?.Value ?? 0);
        }

        var kills = new Dictionary<ContainerKey, List<OomKill>>();
        foreach (var series in oomKills)
        {
            var key = ContainerKey.Of(series);
            if (!kills.TryGetValue(key, out var list))
            {
                kills[key] = list = [];
            }

            // The value is the memory limit at the time; one no container can have is unknown, not an overflow.
            list.AddRange(series.Values.Select(point => new OomKill(
                (long)point.Timestamp,
                point.Value > 0 && HistoryLimits.SampleProblem(point.Value) is null ? Memory.FromBytes(point.Value) : null)));
        }

        var imageOf = new Dictionary<ContainerKey, string>();
        foreach (var series in images)
        {
            imageOf[ContainerKey.Of(series)] = series.Label("image");
        }

        return new ScanMetadata(owners, resources, kills, imageOf);
    }
}
