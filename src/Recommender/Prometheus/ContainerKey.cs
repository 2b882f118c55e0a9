namespace RightSizer.Recommender.Prometheus;

/// <summary>One container of one pod: how cAdvisor and kube-state-metrics series are joined.</summary>
public readonly record struct ContainerKey(PodKey Pod, string Container)
{
    public static ContainerKey Of(PrometheusSeries series) => new(PodKey.Of(series), series.Label("container"));
}
