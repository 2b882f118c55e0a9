using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Storage;

/// <summary>One change to the store. <paramref name="Previous"/> is the object before it (null for ADDED).</summary>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
public sealed record StoreEvent(string Type, ResourceType Resource, JsonObject Object, JsonObject? Previous, long ResourceVersion)
{
    public string Namespace => ObjectMeta.Namespace(Object);
}
