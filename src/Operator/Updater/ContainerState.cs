using RightSizer.Api.Units;

namespace RightSizer.Operator.Updater;

/// <summary>A running container's memory as the updater sees it.</summary>
/// <param name="RestartOnMemoryResize">Its memory resizePolicy is RestartContainer.</param>
/// <param name="OomKilledAtLimit">When its last termination was an OOM kill, the limit it had; else null.</param>
public sealed record ContainerState(string Name, Memory? Request, Memory? Limit, bool RestartOnMemoryResize = false, Memory? OomKilledAtLimit = null);
