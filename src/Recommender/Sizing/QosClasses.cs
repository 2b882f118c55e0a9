namespace RightSizer.Recommender.Sizing;

/// <summary>The pod QoS class names, as the kubelet reports them in <c>status.qosClass</c>.</summary>
public static class QosClasses
{
    public const string Guaranteed = "Guaranteed";
    public const string Burstable = "Burstable";
    public const string BestEffort = "BestEffort";
}
