using System.Text.Json;

namespace RightSizer.Webhooks.Pods;

/// <summary>
/// The part of a Pod that mutation reads, deserialized from the admission request exactly as sent. A null member means
/// the JSON had no such member (or an explicit null): patches must then create it, never write under it. Indexes into
/// the lists are the indexes of the JSON arrays, so patch paths built from them point at the object as sent.
/// </summary>
public sealed record PodView(PodMetadataView? Metadata, PodSpecView? Spec);

public sealed record PodMetadataView(
    string? Name,
    string? GenerateName,
    string? Namespace,
    IReadOnlyDictionary<string, string>? Labels,
    IReadOnlyDictionary<string, string>? Annotations,
    IReadOnlyList<OwnerReferenceView?>? OwnerReferences);

public sealed record OwnerReferenceView(string? ApiVersion, string? Kind, string? Name, bool? Controller);

public sealed record PodSpecView(IReadOnlyList<ContainerView?>? Containers, IReadOnlyList<ContainerView?>? InitContainers);

/// <param name="RestartPolicy">Always on an init container makes it a sidecar.</param>
public sealed record ContainerView(
    string? Name,
    string? Image,
    IReadOnlyList<string?>? Command,
    IReadOnlyList<string?>? Args,
    IReadOnlyList<EnvVarView?>? Env,
    ResourcesView? Resources,
    string? RestartPolicy);

/// <param name="ValueFrom">Present when the value comes from a Secret, ConfigMap or field: never touched.</param>
public sealed record EnvVarView(string? Name, string? Value, JsonElement? ValueFrom);

public sealed record ResourcesView(IReadOnlyDictionary<string, string?>? Requests, IReadOnlyDictionary<string, string?>? Limits);
