using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Updater;

/// <summary>A pod of the target as the planner sees it (see <see cref="PodSnapshots"/> for the mapping from the API).</summary>
public sealed record PodSnapshot(
    string Name,
    bool Ready,
    bool HasController,
    QosClass? QosClass,
    DateTimeOffset Created,
    IReadOnlyList<ContainerState> Containers)
{
    public ResizeStatus Resize { get; init; } = ResizeStatus.None;
}
