using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace RightSizer.Api.V1alpha1;

/// <summary>A list of MemoryPolicies as the API server returns it.</summary>
public sealed class V1alpha1MemoryPolicyList : IKubernetesObject<V1ListMeta>, IItems<V1alpha1MemoryPolicy>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{V1alpha1MemoryPolicy.KubeGroup}/{V1alpha1MemoryPolicy.KubeApiVersion}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = V1alpha1MemoryPolicy.KubeListKind;

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<V1alpha1MemoryPolicy> Items { get; set; } = [];
}
