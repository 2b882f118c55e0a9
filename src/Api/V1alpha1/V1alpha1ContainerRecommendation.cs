using System.ComponentModel;
using System.Text.Json.Serialization;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>The recommendation for one container, with the evidence behind it.</summary>
public sealed class V1alpha1ContainerRecommendation
{
    [JsonPropertyName("containerName")]
    [Required]
    [Description("The container this recommendation is for.")]
    public string? ContainerName { get; set; }

    [JsonPropertyName("request")]
    [Quantity]
    [Description("Recommended memory request.")]
    public string? Request { get; set; }

    [JsonPropertyName("limit")]
    [Quantity]
    [Description("Recommended memory limit; absent when the policy sets no limit.")]
    public string? Limit { get; set; }

    [JsonPropertyName("qosClass")]
    [Description("The QoS class the pod gets with these values: Guaranteed, Burstable or BestEffort.")]
    public QosClass? QosClass { get; set; }

    [JsonPropertyName("heap")]
    [Description("Heap settings that fit inside the recommended limit, for JVM and .NET containers.")]
    public V1alpha1HeapSettings? Heap { get; set; }

    [JsonPropertyName("confidence")]
    [Range(MemoryPolicyLimits.ConfidenceMin, MemoryPolicyLimits.ConfidenceMax)]
    [Description("Confidence from the span and coverage of the history, 0 to 1.")]
    public double? Confidence { get; set; }

    [JsonPropertyName("samples")]
    [Description("Samples the recommendation was computed from.")]
    public long? Samples { get; set; }

    [JsonPropertyName("windowCovered")]
    [Duration]
    [Description("The span of history the samples cover, e.g. 13d20h.")]
    public string? WindowCovered { get; set; }

    [JsonPropertyName("trend")]
    [Description("The growth trend of memory usage.")]
    public V1alpha1Trend? Trend { get; set; }

    [JsonPropertyName("oomKills")]
    [Description("OOM kills seen in the history window.")]
    public int? OomKills { get; set; }

    [JsonPropertyName("reasons")]
    [Description("Why the values are what they are, e.g. \"trend: +38Mi/day, projected 910Mi at 7d\". The wording may change; reasonCodes does not.")]
    public IList<string>? Reasons { get; set; }

    [JsonPropertyName("reasonCodes")]
    [Description("One code per reason, in the same order, e.g. OomBump or MaxAllowed: what tools should match on.")]
    public IList<ReasonCode>? ReasonCodes { get; set; }
}

/// <summary>The growth trend of a container's memory usage.</summary>
public sealed class V1alpha1Trend
{
    [JsonPropertyName("slopePerDay")]
    [Description("Growth per day as a signed quantity, e.g. 38Mi or -2Mi.")]
    public string? SlopePerDay { get; set; }

    [JsonPropertyName("significant")]
    [Description("Whether the slope is statistically significant.")]
    public bool? Significant { get; set; }

    [JsonPropertyName("projectedPeak")]
    [Quantity]
    [Description("Usage projected at the growth horizon.")]
    public string? ProjectedPeak { get; set; }
}

/// <summary>Heap settings for a managed runtime.</summary>
public sealed class V1alpha1HeapSettings
{
    [JsonPropertyName("runtime")]
    [Description("JVM or DotNet.")]
    public string? Runtime { get; set; }

    [JsonPropertyName("maxHeap")]
    [Quantity]
    [Description("The heap size the settings allow.")]
    public string? MaxHeap { get; set; }

    [JsonPropertyName("env")]
    [Description("Environment variables to set, e.g. JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75.0 or DOTNET_GCHeapHardLimitPercent=0x4B.")]
    public IDictionary<string, string>? Env { get; set; }

    [JsonPropertyName("notes")]
    [Description("Caveats, e.g. that an explicit -Xmx in the container's args wins.")]
    public IList<string>? Notes { get; set; }
}
