using System.ComponentModel;
using System.Text.Json.Serialization;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>What the operator observed and recommends.</summary>
public sealed class V1alpha1MemoryPolicyStatus
{
    [JsonPropertyName("observedGeneration")]
    [Description("The spec generation this status was computed from.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("conditions")]
    [ListMapKey("type")]
    [Description("Ready, TargetFound, HistoryAvailable and RecommendationReady, in the Kubernetes condition convention.")]
    public IList<V1alpha1Condition>? Conditions { get; set; }

    [JsonPropertyName("lastRecommendationTime")]
    [Description("When the recommendations were last computed.")]
    public DateTime? LastRecommendationTime { get; set; }

    [JsonPropertyName("targetPods")]
    [Description("How many pods the policy currently targets.")]
    public int? TargetPods { get; set; }

    [JsonPropertyName("recommendations")]
    [ListMapKey("containerName")]
    [Description("One recommendation per container.")]
    public IList<V1alpha1ContainerRecommendation>? Recommendations { get; set; }
}
