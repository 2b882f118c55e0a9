using System.Text.Json.Serialization;

namespace RightSizer.Api.V1alpha1;

/// <summary>Workload kinds a MemoryPolicy can point at with <c>targetRef</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkloadKind>))]
public enum WorkloadKind
{
    Deployment,
    StatefulSet,
    DaemonSet,
    ReplicaSet,
    Job,
    CronJob,
}

/// <summary>What the operator does with a recommendation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PolicyMode>))]
public enum PolicyMode
{
    /// <summary>Recommend only; write status, change nothing.</summary>
    Off,

    /// <summary>Apply recommendations when pods are created.</summary>
    Initial,

    /// <summary>Also evict running pods whose values drift from the recommendation.</summary>
    Recreate,

    /// <summary>Resize running pods in place where the cluster supports it, else fall back to Recreate.</summary>
    InPlace,
}

/// <summary>Whether a container is sized at all.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContainerMode>))]
public enum ContainerMode
{
    Auto,
    Off,
}

/// <summary>Which of a container's memory values the policy controls.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ControlledValues>))]
public enum ControlledValues
{
    RequestsAndLimits,
    RequestsOnly,
}

/// <summary>The memory signal recommendations are computed from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemorySignal>))]
public enum MemorySignal
{
    /// <summary>container_memory_working_set_bytes: what the kubelet evicts and the kernel OOM-kills by.</summary>
    WorkingSet,

    /// <summary>container_memory_rss: anonymous memory without page cache.</summary>
    RSS,
}

/// <summary>How the memory limit is derived.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LimitStrategy>))]
public enum LimitStrategy
{
    /// <summary>From the observed peak (plus margin and growth).</summary>
    Peak,

    /// <summary>From <c>limitPercentile</c> of the decayed distribution (plus margin and growth).</summary>
    Percentile,

    /// <summary>No memory limit.</summary>
    None,
}

/// <summary>Which past days the limit's peak is taken from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Seasonality>))]
public enum Seasonality
{
    /// <summary>Every day of the history window.</summary>
    None,

    /// <summary>Only the days of the same class (weekday or weekend, in UTC) as the day of the recommendation.</summary>
    Weekly,
}

/// <summary>The QoS class the policy aims for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QosPolicy>))]
public enum QosPolicy
{
    Burstable,
    Guaranteed,

    /// <summary>Keep whatever class the pods have today.</summary>
    Preserve,
}

/// <summary>The managed runtime whose heap must fit inside the limit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuntimeKind>))]
public enum RuntimeKind
{
    /// <summary>Detect from the container's image, command and environment.</summary>
    Auto,
    JVM,
    DotNet,
    None,
}
