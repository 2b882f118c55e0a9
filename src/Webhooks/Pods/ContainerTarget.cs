using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Webhooks.Pods;

/// <summary>The memory one container is given: current values as sent and the values to set.</summary>
/// <param name="SetsLimit">False under <c>controlledValues: RequestsOnly</c> or without a recommended limit: the limit is kept.</param>
public sealed record ContainerTarget(
    ContainerSlot Slot,
    Memory? CurrentRequest,
    Memory? CurrentLimit,
    Memory Request,
    Memory? Limit,
    bool SetsLimit,
    V1alpha1HeapSettings? Heap)
{
    public bool ChangesRequest => CurrentRequest != Request;

    public bool ChangesLimit => SetsLimit && CurrentLimit != Limit;
}
