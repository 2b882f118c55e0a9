using System.Globalization;
using RightSizer.Api.Units;

namespace RightSizer.Testing.KubeApi.Semantics.Pods;

/// <summary>
/// The kubelet's memory check of an in-place resize (allocation manager <c>canResizePod</c>, 1.33+): a pod whose
/// desired requests exceed the node's allocatable is Infeasible; one that fits the node but not beside the requests
/// already allocated to the node's other pods is Deferred (the admission predicate's message); otherwise it is allocated.
/// </summary>
public static class ResizeFit
{
    public static ResizeVerdict Decide(Memory requested, Memory allocatedToOthers, Memory allocatable)
    {
        if (requested > allocatable)
        {
            return new ResizeVerdict(
                ResizeVerdict.Infeasible,
                string.Create(CultureInfo.InvariantCulture, $"Node didn't have enough capacity: memory, requested: {requested.Bytes}, capacity: {allocatable.Bytes}"));
        }

        if (allocatedToOthers + requested > allocatable)
        {
            return new ResizeVerdict(
                ResizeVerdict.Deferred,
                string.Create(CultureInfo.InvariantCulture, $"Node didn't have enough resource: memory, requested: {requested.Bytes}, used: {allocatedToOthers.Bytes}, capacity: {allocatable.Bytes}"));
        }

        return ResizeVerdict.Fits;
    }
}
