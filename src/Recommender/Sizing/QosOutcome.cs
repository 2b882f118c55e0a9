using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Sizing;

/// <summary>
/// Which memory shape a policy asks for, and which QoS class a request/limit pair gives once CPU is counted: a pod is
/// Guaranteed only when every container has CPU and memory limits equal to its requests.
/// </summary>
public static class QosOutcome
{
    /// <summary>Whether the policy wants request = limit for memory.</summary>
    public static bool WantsGuaranteed(QosPolicy policy, CurrentResources? current) => policy switch
    {
        QosPolicy.Guaranteed => true,
        QosPolicy.Preserve => IsGuaranteedToday(current),
        _ => false,
    };

    /// <summary>The class the pod will have, and a warning when CPU settings keep it from the class asked for.</summary>
    public static (QosClass QosClass, Reason? Warning) Resulting(bool memoryGuaranteed, CurrentResources? current)
    {
        if (!memoryGuaranteed)
        {
            return (QosClass.Burstable, null);
        }

        return current?.PodCpuGuaranteed switch
        {
            false => (QosClass.Burstable, new Reason(
                ReasonCode.CpuKeepsBurstable,
                "qos: Guaranteed needs CPU requests equal to CPU limits in every container; the pod stays Burstable")),
            null => (QosClass.Guaranteed, new Reason(
                ReasonCode.CpuUnknown,
                "qos: Guaranteed also needs CPU requests equal to CPU limits in every container (CPU settings unknown)")),
            true => (QosClass.Guaranteed, null),
        };
    }

    private static bool IsGuaranteedToday(CurrentResources? current)
    {
        if (current is null)
        {
            return false;
        }

        if (current.QosClass is { } qos)
        {
            return qos == QosClass.Guaranteed;
        }

        return current.MemoryRequest is { } request && current.MemoryLimit is { } limit && request == limit;
    }
}
