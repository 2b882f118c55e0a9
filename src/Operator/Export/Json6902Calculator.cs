using System.Globalization;
using System.Text.Json.Nodes;

namespace RightSizer.Operator.Export;

/// <summary>
/// The RFC 6902 operations that give a workload's containers their proposed memory, built against the manifest so
/// that every operation applies: a missing <c>resources</c>, <c>requests</c>, <c>limits</c> or <c>env</c> is added
/// whole rather than reached into. An env entry the user sets through <c>valueFrom</c> is left alone.
/// </summary>
public static class Json6902Calculator
{
    public static IReadOnlyList<PatchOperation> Calculate(WorkloadPatch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var manifest = patch.Manifest
            ?? throw new ArgumentException($"{patch.Workload}: JSON patches need the manifest, for the containers' positions", nameof(patch));
        var podSpec = "/" + string.Join('/', WorkloadKinds.PodSpecPath(patch.Workload.Kind));
        var operations = new List<PatchOperation>();
        foreach (var proposal in patch.Containers)
        {
            var container = manifest.Containers.First(c => c.Name == proposal.Container);
            var path = string.Create(CultureInfo.InvariantCulture, $"{podSpec}/containers/{container.Index}");
            AddResources(operations, path, container, proposal);
            AddEnv(operations, path, container, proposal);
        }

        return operations;
    }

    private static void AddResources(List<PatchOperation> operations, string path, ManifestContainer container, ContainerProposal proposal)
    {
        var request = proposal.Request.ToQuantity();
        var limit = proposal.Limit?.ToQuantity();
        if (!container.HasResources)
        {
            var resources = new JsonObject { ["requests"] = Memory(request) };
            if (limit is not null)
            {
                resources["limits"] = Memory(limit);
            }

            operations.Add(PatchOperation.Add(path + "/resources", resources));
            return;
        }

        operations.Add(container.HasRequests
            ? PatchOperation.Add(path + "/resources/requests/memory", JsonValue.Create(request))
            : PatchOperation.Add(path + "/resources/requests", Memory(request)));
        if (limit is not null)
        {
            operations.Add(container.HasLimits
                ? PatchOperation.Add(path + "/resources/limits/memory", JsonValue.Create(limit))
                : PatchOperation.Add(path + "/resources/limits", Memory(limit)));
        }
    }

    private static void AddEnv(List<PatchOperation> operations, string path, ManifestContainer container, ContainerProposal proposal)
    {
        if (proposal.HeapEnv.Count == 0)
        {
            return;
        }

        if (container.Env is null)
        {
            operations.Add(PatchOperation.Add(path + "/env", new JsonArray([.. proposal.HeapEnv.Select(e => (JsonNode)EnvEntry(e.Key, e.Value))])));
            return;
        }

        foreach (var (name, value) in proposal.HeapEnv)
        {
            var index = container.Env.ToList().FindIndex(e => e.Key == name);
            if (index < 0)
            {
                operations.Add(PatchOperation.Add(path + "/env/-", EnvEntry(name, value)));
            }
            else if (container.Env[index].Value is not null)
            {
                operations.Add(PatchOperation.Add(
                    string.Create(CultureInfo.InvariantCulture, $"{path}/env/{index}/value"), JsonValue.Create(value)));
            }
        }
    }

    private static JsonObject Memory(string quantity) => new() { ["memory"] = quantity };

    private static JsonObject EnvEntry(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
