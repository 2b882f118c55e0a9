using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Updater;

/// <summary>The memory one container should have, from the policy's status.</summary>
/// <param name="Limit">Null: the limit is not changed.</param>
/// <param name="QosClass">The pod QoS class these values give.</param>
/// <param name="HeapSized">A JVM or .NET heap is sized from the limit at start, so new memory needs a restart.</param>
public sealed record ContainerTarget(string Name, Memory Request, Memory? Limit, QosClass? QosClass, bool HeapSized = false);
