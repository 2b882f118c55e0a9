using System.Text.Json.Nodes;

namespace RightSizer.Testing.Builders;

/// <summary>One container of a <see cref="PodBuilder"/> pod; members are absent unless set.</summary>
public sealed class ContainerBuilder
{
    private readonly JsonObject _container;

    internal ContainerBuilder(string name)
    {
        _container = new JsonObject { ["name"] = name, ["image"] = "registry.example/app:1" };
    }

    public ContainerBuilder Image(string image)
    {
        _container["image"] = image;
        return this;
    }

    /// <summary><c>"resources": {}</c>, as the API server serializes a container without any.</summary>
    public ContainerBuilder EmptyResources()
    {
        Resources();
        return this;
    }

    public ContainerBuilder Requests(string? memory, string? cpu = null) => Set("requests", memory, cpu);

    public ContainerBuilder Limits(string? memory, string? cpu = null) => Set("limits", memory, cpu);

    public ContainerBuilder Env(string name, string value) => AddEnv(new JsonObject { ["name"] = name, ["value"] = value });

    public ContainerBuilder EnvFromSecret(string name, string secret) => AddEnv(new JsonObject
    {
        ["name"] = name,
        ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = secret, ["key"] = name } },
    });

    public ContainerBuilder Command(params string[] command)
    {
        _container["command"] = new JsonArray([.. command.Select(c => (JsonNode)c)]);
        return this;
    }

    public ContainerBuilder Args(params string[] args)
    {
        _container["args"] = new JsonArray([.. args.Select(a => (JsonNode)a)]);
        return this;
    }

    /// <summary>An init container that keeps running: a native sidecar.</summary>
    public ContainerBuilder Sidecar()
    {
        _container["restartPolicy"] = "Always";
        return this;
    }

    internal JsonObject Build() => (JsonObject)_container.DeepClone();

    private ContainerBuilder Set(string map, string? memory, string? cpu)
    {
        var values = new JsonObject();
        if (memory is not null)
        {
            values["memory"] = memory;
        }

        if (cpu is not null)
        {
            values["cpu"] = cpu;
        }

        Resources()[map] = values;
        return this;
    }

    private ContainerBuilder AddEnv(JsonObject variable)
    {
        if (_container["env"] is not JsonArray env)
        {
            env = [];
            _container["env"] = env;
        }

        env.Add(variable);
        return this;
    }

    private JsonObject Resources()
    {
        if (_container["resources"] is not JsonObject resources)
        {
            resources = [];
            _container["resources"] = resources;
        }

        return resources;
    }
}
