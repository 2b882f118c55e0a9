using System.ComponentModel;
using System.Text.Json.Serialization;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>Overrides for one container, or for every other container when the name is "*".</summary>
public sealed class V1alpha1ContainerPolicy
{
    [JsonPropertyName("containerName")]
    [Required]
    [Description("The container's name, or \"*\" for every container without an entry of its own.")]
    public string? ContainerName { get; set; }

    [JsonPropertyName("mode")]
    [SchemaDefault(MemoryPolicyDefaults.ContainerMode)]
    [Description("Auto sizes the container; Off leaves it alone (it is still reported).")]
    public ContainerMode? Mode { get; set; }

    [JsonPropertyName("minAllowed")]
    [Quantity]
    [Description("The smallest memory request and limit to recommend, e.g. 64Mi.")]
    [JsonConverter(typeof(IntOrStringJsonConverter))]
    public string? MinAllowed { get; set; }

    [JsonPropertyName("maxAllowed")]
    [Quantity]
    [Description("The largest memory request and limit to recommend, e.g. 8Gi.")]
    [JsonConverter(typeof(IntOrStringJsonConverter))]
    public string? MaxAllowed { get; set; }

    [JsonPropertyName("controlledValues")]
    [SchemaDefault(MemoryPolicyDefaults.ControlledValues)]
    [Description("RequestsAndLimits sets both; RequestsOnly sets the request and keeps the container's limit.")]
    public ControlledValues? ControlledValues { get; set; }
}
