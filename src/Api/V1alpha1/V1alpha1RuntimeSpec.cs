using System.ComponentModel;
using System.Text.Json.Serialization;
using RightSizer.Api.Schema;

namespace RightSizer.Api.V1alpha1;

/// <summary>Heap handling for managed runtimes.</summary>
public sealed class V1alpha1RuntimeSpec
{
    [JsonPropertyName("type")]
    [SchemaDefault(MemoryPolicyDefaults.Runtime)]
    [Description("Auto detects the JVM or .NET from the container's image, command and environment; JVM, DotNet and None force the choice.")]
    public RuntimeKind? Type { get; set; }

    [JsonPropertyName("heapHeadroom")]
    [Range(MemoryPolicyLimits.HeapHeadroomMin, MemoryPolicyLimits.HeapHeadroomMax)]
    [SchemaDefault(MemoryPolicyDefaults.HeapHeadroom)]
    [Description("Share of the limit left outside the heap for metaspace, code cache, thread stacks and native memory, e.g. 0.25.")]
    public double? HeapHeadroom { get; set; }
}
