using System.Text.Json.Nodes;

namespace RightSizer.Testing.KubeApi.Semantics.CustomResources;

/// <summary>A custom resource after pruning and defaulting; <see cref="UnknownFields"/> are the paths pruning dropped.</summary>
public sealed record DecodedCustomResource(JsonObject Object, IReadOnlyList<string> UnknownFields)
{
    /// <summary>The warnings a <c>Warn</c> request answers with, one per unknown field.</summary>
    public IReadOnlyList<string> Warnings => [.. UnknownFields.Select(f => $"unknown field \"{f}\"")];
}
