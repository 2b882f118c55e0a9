using System.Text.Json.Nodes;

namespace RightSizer.Operator.Updater;

/// <summary>The strategic-merge patch for pods/resize that sets the targets' memory and nothing else. Pure.</summary>
public static class ResizePatch
{
    public static string Build(PodSnapshot pod, IReadOnlyList<ContainerTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(targets);
        var containers = new JsonArray();
        foreach (var container in pod.Containers)
        {
            var target = targets.FirstOrDefault(t => t.Name == container.Name);
            if (target is null)
            {
                continue;
            }

            var resources = new JsonObject { ["requests"] = new JsonObject { ["memory"] = target.Request.ToQuantity() } };
            if (target.Limit is { } limit)
            {
                resources["limits"] = new JsonObject { ["memory"] = limit.ToQuantity() };
            }

            containers.Add(new JsonObject { ["name"] = container.Name, ["resources"] = resources });
        }

        return new JsonObject { ["spec"] = new JsonObject { ["containers"] = containers } }.ToJsonString();
    }
}
