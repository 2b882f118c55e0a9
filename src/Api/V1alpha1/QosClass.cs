using System.Text.Json.Serialization;

namespace RightSizer.Api.V1alpha1;

/// <summary>
/// A pod's QoS class as the kubelet reports it in <c>status.qosClass</c>. Inside the code it is this enum; it becomes a
/// string only where it meets JSON, YAML or PromQL.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<QosClass>))]
public enum QosClass
{
    /// <summary>Every container has CPU and memory limits equal to its requests.</summary>
    Guaranteed,

    /// <summary>Some request or limit is set, but not in the Guaranteed shape.</summary>
    Burstable,

    /// <summary>No container sets a request or a limit.</summary>
    BestEffort,
}
