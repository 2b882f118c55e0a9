using System.ComponentModel;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>MemoryPolicy says which workloads to right-size and how; its status reads like a report.</summary>
[Description("MemoryPolicy right-sizes the memory requests and limits of the containers of a workload.")]
[PrinterColumn("Target", "string", ".spec.targetRef.name", Order = 1, Description = "The workload the policy sizes")]
[PrinterColumn("Kind", "string", ".spec.targetRef.kind", Order = 2, Priority = 1, Description = "The kind of the target workload")]
[PrinterColumn("Mode", "string", ".spec.mode", Order = 3, Description = "What the operator does with recommendations")]
[PrinterColumn("Container", "string", ".status.recommendations[0].containerName", Order = 4, Priority = 1, Description = "The first container recommended for")]
[PrinterColumn("Request", "string", ".status.recommendations[0].request", Order = 5, Description = "Recommended memory request of the first container")]
[PrinterColumn("Limit", "string", ".status.recommendations[0].limit", Order = 6, Description = "Recommended memory limit of the first container")]
[PrinterColumn("QoS", "string", ".status.recommendations[0].qosClass", Order = 7, Description = "QoS class that results")]
[PrinterColumn("Confidence", "number", ".status.recommendations[0].confidence", Order = 8, Description = "Confidence of the first container's recommendation (0 to 1)")]
[PrinterColumn("Pods", "integer", ".status.targetPods", Order = 9, Priority = 1, Description = "Pods the policy targets")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", Order = 10, Priority = 1, Description = "Whether the policy is reconciled")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", Order = 11)]
public sealed class V1alpha1MemoryPolicy
    : IKubernetesObject<V1ObjectMeta>, ISpec<V1alpha1MemoryPolicySpec>
{
    public const string KubeGroup = "rightsizer.io";
    public const string KubeApiVersion = "v1alpha1";
    public const string KubeKind = "MemoryPolicy";
    public const string KubeListKind = "MemoryPolicyList";
    public const string KubePluralName = "memorypolicies";
    public const string KubeSingularName = "memorypolicy";
    public static readonly IReadOnlyList<string> KubeShortNames = ["mp", "mempol"];
    public static readonly IReadOnlyList<string> KubeCategories = ["rightsizer"];

    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object.")]
    public string ApiVersion { get; set; } = $"{KubeGroup}/{KubeApiVersion}";

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents.")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    [Description("Standard object metadata.")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    [Required]
    [Description("How to size the target's containers.")]
    public V1alpha1MemoryPolicySpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [Description("The latest recommendations and the policy's conditions, written by the operator.")]
    public V1alpha1MemoryPolicyStatus? Status { get; set; }
}
