using System.Text.Json;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// The part of a Pod that mutation reads, deserialized from the admission request exactly as sent. A null member means
/// the JSON had no such member (or an explicit null): patches must then create it, never write under it. Indexes into
/// the lists are the indexes of the JSON arrays, so patch paths built from them point at the object as sent. Members
/// have setters, not constructor parameters or init accessors: the generated serializer then sets each as it reads it,
/// instead of buffering them as arguments (it treats init accessors as constructor arguments).
/// </summary>
public sealed record PodView
{
    public PodMetadataView? Metadata { get; set; }

    public PodSpecView? Spec { get; set; }
}

public sealed record PodMetadataView
{
    public string? Name { get; set; }

    public string? GenerateName { get; set; }

    public string? Namespace { get; set; }

    public IReadOnlyDictionary<string, string>? Labels { get; set; }

    public IReadOnlyDictionary<string, string>? Annotations { get; set; }

    public IReadOnlyList<OwnerReferenceView?>? OwnerReferences { get; set; }
}

public sealed record OwnerReferenceView
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    public bool? Controller { get; set; }
}

public sealed record PodSpecView
{
    public IReadOnlyList<ContainerView?>? Containers { get; set; }

    public IReadOnlyList<ContainerView?>? InitContainers { get; set; }
}

public sealed record ContainerView
{
    public string? Name { get; set; }

    public string? Image { get; set; }

    public IReadOnlyList<string?>? Command { get; set; }

    public IReadOnlyList<string?>? Args { get; set; }

    public IReadOnlyList<EnvVarView?>? Env { get; set; }

    public ResourcesView? Resources { get; set; }

    /// <summary>Always on an init container makes it a sidecar.</summary>
    public string? RestartPolicy { get; set; }
}

public sealed record EnvVarView
{
    public string? Name { get; set; }

    public string? Value { get; set; }

    /// <summary>Present when the value comes from a Secret, ConfigMap or field: never touched.</summary>
    public JsonElement? ValueFrom { get; set; }
}

public sealed record ResourcesView
{
    public IReadOnlyDictionary<string, string?>? Requests { get; set; }

    public IReadOnlyDictionary<string, string?>? Limits { get; set; }
}
