using k8s;
using k8s.Models;

namespace RightSizer.Operator.Runtime;

/// <summary>An <see cref="IResourceClient{T}"/> over KubernetesClient's typed list and watch calls for one kind; lists are read in pages.</summary>
public sealed class KubernetesResourceClient<T, TList> : IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : IItems<T>, IMetadata<V1ListMeta>
{
    public delegate Task<TList> ListCall(string? @namespace, string? continueToken, int limit, CancellationToken cancellationToken);

    public delegate IAsyncEnumerable<(WatchEventType, T)> WatchCall(
        string? @namespace, string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken);

    private readonly ListCall _list;
    private readonly WatchCall _watch;

    public KubernetesResourceClient(string resource, ListCall list, WatchCall watch)
    {
        Resource = resource;
        _list = list;
        _watch = watch;
    }

    public string Resource { get; }

    public Task<(IReadOnlyList<T> Items, string ResourceVersion)> ListAsync(string? @namespace, CancellationToken cancellationToken) =>
        PagedList.ReadAsync<T, TList>((continueToken, limit, ct) => _list(@namespace, continueToken, limit, ct), cancellationToken);

    public IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace,
        string resourceVersion,
        TimeSpan timeout,
        Action<Exception> onError,
        CancellationToken cancellationToken) =>
        _watch(@namespace, resourceVersion, (int)Math.Ceiling(timeout.TotalSeconds), onError, cancellationToken);
}
