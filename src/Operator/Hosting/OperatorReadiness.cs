namespace RightSizer.Operator.Hosting;

/// <summary>What /readyz reports: ready once every cache has completed its first list.</summary>
public sealed class OperatorReadiness(ClusterCaches caches)
{
    public bool Ready => caches.HasSynced;
}
