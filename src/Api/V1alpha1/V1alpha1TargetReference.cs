using System.ComponentModel;
using System.Text.Json.Serialization;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>A reference to a workload in the policy's namespace.</summary>
public sealed class V1alpha1TargetReference
{
    [JsonPropertyName("apiVersion")]
    [Description("API version of the target, e.g. apps/v1 or batch/v1.")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Required]
    [Description("Kind of the target workload.")]
    public WorkloadKind? Kind { get; set; }

    [JsonPropertyName("name")]
    [Required]
    [Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    [Description("Name of the target workload.")]
    public string? Name { get; set; }
}
