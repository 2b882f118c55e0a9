using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;

namespace RightSizer.Testing.KubeApi.Storage;

/// <summary>One change to the store. <paramref name="Previous"/> is the object before it (null for ADDED).</summary>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
public sealed record StoreEvent(string Type, ResourceType Resource, JsonObject Object, JsonObject? Previous, long ResourceVersion)
{
    public string Namespace => ObjectMeta.Namespace(Object);

    /// <summary>
    /// A copy for one watcher. JsonNode is not safe for concurrent reads (a parsed node materialises lazily), and each
    /// watch stream reads its events on its own thread, so watchers never share an event's objects.
    /// </summary>
    public StoreEvent Copy() => this with { Object = (JsonObject)Object.DeepClone(), Previous = (JsonObject?)Previous?.DeepClone() };
}
