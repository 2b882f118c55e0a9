using System.ComponentModel;
using System.Text.Json.Serialization;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>When and how fast running pods are brought to the recommendation.</summary>
public sealed class V1alpha1UpdateSpec
{
    [JsonPropertyName("minChange")]
    [Range(MemoryPolicyLimits.MinChangeMin, MemoryPolicyLimits.MinChangeMax)]
    [SchemaDefault(MemoryPolicyDefaults.MinChange)]
    [Description("Differences below this share of the current value are not acted on, e.g. 0.1 for 10%.")]
    public double? MinChange { get; set; }

    [JsonPropertyName("maxUnavailable")]
    [IntOrString]
    [SchemaDefault(MemoryPolicyDefaults.MaxUnavailable)]
    [Description("How many pods of the workload may be evicted at once in Recreate mode: a number or a percentage such as 25%.")]
    [JsonConverter(typeof(IntOrStringJsonConverter))]
    public string? MaxUnavailable { get; set; }

    [JsonPropertyName("cooldown")]
    [Duration]
    [SchemaDefault(MemoryPolicyDefaults.Cooldown)]
    [Description("Minimum time between two evictions of the same workload, e.g. 1h.")]
    public string? Cooldown { get; set; }
}
