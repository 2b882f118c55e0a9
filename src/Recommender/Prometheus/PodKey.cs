namespace RightSizer.Recommender.Prometheus;

/// <summary>A pod, by namespace and name: pod names are unique per namespace only.</summary>
public readonly record struct PodKey(string Namespace, string Name)
{
    public static PodKey Of(PrometheusSeries series) => new(series.Label("namespace"), series.Label("pod"));
}
