using System.ComponentModel;
using System.Text.Json.Serialization;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>A label selector with the semantics of metav1.LabelSelector; the requirements are ANDed.</summary>
public sealed class V1alpha1LabelSelector
{
    [JsonPropertyName("matchLabels")]
    [Description("Labels a pod must carry with exactly these values.")]
    public IDictionary<string, string>? MatchLabels { get; set; }

    [JsonPropertyName("matchExpressions")]
    [Description("Label requirements a pod must meet.")]
    public IList<V1alpha1LabelSelectorRequirement>? MatchExpressions { get; set; }
}

/// <summary>One requirement of a label selector.</summary>
public sealed class V1alpha1LabelSelectorRequirement
{
    [JsonPropertyName("key")]
    [Required]
    [Description("The label key.")]
    public string? Key { get; set; }

    [JsonPropertyName("operator")]
    [Required]
    [Description("How the key relates to the values.")]
    public LabelSelectorOperator? Operator { get; set; }

    [JsonPropertyName("values")]
    [Description("Values for In and NotIn; must be empty for Exists and DoesNotExist.")]
    public IList<string>? Values { get; set; }
}

/// <summary>Operators of a label selector requirement.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LabelSelectorOperator>))]
public enum LabelSelectorOperator
{
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
