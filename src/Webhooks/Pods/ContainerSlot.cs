namespace RightSizer.Webhooks.Pods;

/// <summary>A container and where it sits in the pod as sent: <c>/spec/containers/2</c> or <c>/spec/initContainers/0</c>.</summary>
public sealed record ContainerSlot(string List, int Index, ContainerView Container)
{
    public const string Containers = "containers";
    public const string InitContainers = "initContainers";

    public string Path { get; } = $"/spec/{List}/{Index}";

    public string Name => Container.Name ?? string.Empty;
}
