using System.ComponentModel;
using System.Text.Json.Serialization;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>A condition in the shape of metav1.Condition; types and reasons are constants in <see cref="ConditionTypes"/>.</summary>
public sealed class V1alpha1Condition
{
    [JsonPropertyName("type")]
    [Required]
    [Description("Type of the condition, e.g. Ready.")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    [Required]
    [Description("True, False or Unknown.")]
    public ConditionStatus? Status { get; set; }

    [JsonPropertyName("reason")]
    [Required]
    [Description("A CamelCase reason for the last transition.")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [Description("A human-readable message about the last transition.")]
    public string? Message { get; set; }

    [JsonPropertyName("lastTransitionTime")]
    [Required]
    [Description("When the status last changed.")]
    public DateTime? LastTransitionTime { get; set; }

    [JsonPropertyName("observedGeneration")]
    [Description("The spec generation the condition was set for.")]
    public long? ObservedGeneration { get; set; }
}

/// <summary>Status of a condition.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConditionStatus>))]
public enum ConditionStatus
{
    True,
    False,
    Unknown,
}
