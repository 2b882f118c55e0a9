using System.ComponentModel;
using System.Text.Json.Serialization;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>What to size and how.</summary>
public sealed class V1alpha1MemoryPolicySpec
{
    [JsonPropertyName("targetRef")]
    [Description("The workload whose pods are sized. Exactly one of targetRef and selector must be set.")]
    public V1alpha1TargetReference? TargetRef { get; set; }

    [JsonPropertyName("selector")]
    [Description("A label selector over pods in the policy's namespace. Exactly one of targetRef and selector must be set.")]
    public V1alpha1LabelSelector? Selector { get; set; }

    [JsonPropertyName("mode")]
    [SchemaDefault(MemoryPolicyDefaults.Mode)]
    [Description("Off recommends only; Initial applies recommendations at pod creation; Recreate also evicts running pods that drift; InPlace resizes running pods where the cluster supports it, else falls back to Recreate.")]
    public PolicyMode? Mode { get; set; }

    [JsonPropertyName("containers")]
    [ListMapKey("containerName")]
    [Description("Per-container overrides by name; containerName \"*\" applies to every container without an entry of its own.")]
    public IList<V1alpha1ContainerPolicy>? Containers { get; set; }

    [JsonPropertyName("recommendation")]
    [Description("How recommendations are computed from history.")]
    public V1alpha1RecommendationSpec? Recommendation { get; set; }

    [JsonPropertyName("qosClass")]
    [SchemaDefault(MemoryPolicyDefaults.QosClass)]
    [Description("The QoS class to aim for: Burstable (request below limit), Guaranteed (request equals limit; CPU must match too), or Preserve (keep the class the pods have today).")]
    public QosPolicy? QosClass { get; set; }

    [JsonPropertyName("runtime")]
    [Description("Managed-runtime heap handling: the heap settings that fit inside the recommended limit.")]
    public V1alpha1RuntimeSpec? Runtime { get; set; }

    [JsonPropertyName("update")]
    [Description("When and how fast running pods are brought to the recommendation.")]
    public V1alpha1UpdateSpec? Update { get; set; }
}
