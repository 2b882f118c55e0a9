using k8s;
using k8s.Models;

namespace RightSizer.Operator.Runtime;

/// <summary>List and watch of one resource kind, in one namespace or (null) in all.</summary>
public interface IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The resource's plural name, for logs and metrics.</summary>
    string Resource { get; }

    Task<(IReadOnlyList<T> Items, string ResourceVersion)> ListAsync(string? @namespace, CancellationToken cancellationToken);

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/> with bookmarks. Status objects in the stream (e.g. 410 Expired)
    /// arrive through <paramref name="onError"/>, as KubernetesClient delivers them.
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace,
        string resourceVersion,
        TimeSpan timeout,
        Action<Exception> onError,
        CancellationToken cancellationToken);
}
