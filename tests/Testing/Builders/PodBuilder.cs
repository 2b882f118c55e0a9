using System.Text.Json.Nodes;

namespace RightSizer.Testing.Builders;

/// <summary>Builds a Pod as the API server sends it to a mutating webhook: JSON, with only the members asked for.</summary>
public sealed class PodBuilder
{
    private readonly JsonObject _metadata = [];
    private readonly List<ContainerBuilder> _containers = [];
    private readonly List<ContainerBuilder> _initContainers = [];

    private PodBuilder()
    {
    }

    /// <summary>A pod in <paramref name="namespace"/>; without <see cref="Named"/> it has only a generateName, like a controller's.</summary>
    public static PodBuilder Pod(string @namespace = "shop") => new PodBuilder().InNamespace(@namespace);

    public PodBuilder InNamespace(string @namespace)
    {
        _metadata["namespace"] = @namespace;
        return this;
    }

    public PodBuilder Named(string name)
    {
        _metadata["name"] = name;
        return this;
    }

    public PodBuilder GenerateName(string prefix)
    {
        _metadata["generateName"] = prefix;
        return this;
    }

    public PodBuilder WithLabel(string key, string value)
    {
        Map("labels")[key] = value;
        return this;
    }

    public PodBuilder WithAnnotation(string key, string value)
    {
        Map("annotations")[key] = value;
        return this;
    }

    /// <summary>The controller owner reference, as the ReplicaSet, Job, StatefulSet or DaemonSet controller sets it.</summary>
    public PodBuilder OwnedBy(string kind, string name)
    {
        var apiVersion = kind is "Job" or "CronJob" ? "batch/v1" : "apps/v1";
        _metadata["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["name"] = name,
            ["uid"] = "3f1c5e2a-0000-4000-8000-000000000002",
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        });
        return this;
    }

    /// <summary>A pod of Deployment <paramref name="deployment"/>: generateName, template hash label and ReplicaSet owner.</summary>
    public PodBuilder OfDeployment(string deployment, string hash = "7d9f8c6b5") =>
        GenerateName($"{deployment}-{hash}-").WithLabel("app", deployment).WithLabel("pod-template-hash", hash).OwnedBy("ReplicaSet", $"{deployment}-{hash}");

    public PodBuilder WithContainer(string name, Action<ContainerBuilder>? configure = null)
    {
        var container = new ContainerBuilder(name);
        configure?.Invoke(container);
        _containers.Add(container);
        return this;
    }

    public PodBuilder WithInitContainer(string name, Action<ContainerBuilder>? configure = null)
    {
        var container = new ContainerBuilder(name);
        configure?.Invoke(container);
        _initContainers.Add(container);
        return this;
    }

    public JsonObject Build()
    {
        var spec = new JsonObject { ["containers"] = new JsonArray([.. _containers.Select(c => (JsonNode)c.Build())]) };
        if (_initContainers.Count > 0)
        {
            spec["initContainers"] = new JsonArray([.. _initContainers.Select(c => (JsonNode)c.Build())]);
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = _metadata.DeepClone(),
            ["spec"] = spec,
        };
    }

    private JsonObject Map(string name)
    {
        if (_metadata[name] is not JsonObject map)
        {
            map = [];
            _metadata[name] = map;
        }

        return map;
    }
}
