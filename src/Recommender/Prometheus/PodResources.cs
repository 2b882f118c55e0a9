using RightSizer.Recommender.Model;
using RightSizer.Api.Units;
using RightSizer.Recommender.History;

namespace RightSizer.Recommender.Prometheus;

/// <summary>The CPU and memory requests and limits kube-state-metrics reported for each pod's containers.</summary>
internal sealed class PodResources
{
    private const double MaxCpuMillis = 1e9;

    private readonly Dictionary<PodKey, Dictionary<string, PodQos.ContainerResources>> _pods = [];

    /// <summary>Records one value: <paramref name="resource"/> is <c>memory</c> (bytes) or <c>cpu</c> (cores).</summary>
    public void Add(PodKey pod, string container, string resource, bool isLimit, double value)
    {
        if (!_pods.TryGetValue(pod, out var containers))
        {
            _pods[pod] = containers = new Dictionary<string, PodQos.ContainerResources>(StringComparer.Ordinal);
        }

        var current = containers.GetValueOrDefault(container);
        containers[container] = (resource, isLimit) switch
        {
            ("memory", false) => current with { MemoryRequest = value },
            ("memory", true) => current with { MemoryLimit = value },
            ("cpu", false) => current with { CpuRequest = value * 1000 },
            ("cpu", true) => current with { CpuLimit = value * 1000 },
            _ => current,
        };
    }

    /// <summary>A container's resources and its pod's QoS class, or null when kube-state-metrics knew nothing of the pod.</summary>
    public CurrentResources? Current(PodKey pod, string container)
    {
        if (!_pods.TryGetValue(pod, out var containers))
        {
            return null;
        }

        var (qosClass, cpuGuaranteed) = PodQos.Classify(containers.Values);
        var own = containers.GetValueOrDefault(container);
        return new CurrentResources(
            ToMemory(own.MemoryRequest),
            ToMemory(own.MemoryLimit),
            ToMillis(own.CpuRequest),
            ToMillis(own.CpuLimit),
            qosClass,
            cpuGuaranteed);
    }

    // Values no container can have (beyond 1 PiB, or a million cores) are unknown rather than an overflow.
    private static Memory? ToMemory(double? bytes) => bytes is double b && b > 0 && b <= HistoryLimits.MaxSampleBytes ? Memory.FromBytes(b) : null;

    private static long? ToMillis(double? millis) => millis is double m && m > 0 && m <= MaxCpuMillis ? (long)Math.Round(m) : null;
}
