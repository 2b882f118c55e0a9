using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace RightSizer.Operator.Runtime;

/// <summary>
/// The watch-fed copy of one resource kind, indexed by namespace. Readers never call the API server; handlers
/// registered with <see cref="Subscribe"/> hear of every change (old, new; either may be null) so they can enqueue
/// keys. Objects are replaced whole, never mutated, so readers may hold them. What no reader needs is dropped on the
/// way in (<see cref="CachedObject.Trim"/>): managedFields and kubectl's last-applied copy are most of a pod's bytes.
/// </summary>
public sealed class ResourceCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, T>> _byNamespace = new(StringComparer.Ordinal);
    private readonly List<Action<T?, T?>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once the first list has been stored.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>Completes when the first list has been stored.</summary>
    public Task Synced => _synced.Task;

    public int Count => _byNamespace.Values.Sum(objects => objects.Count);

    public void Subscribe(Action<T?, T?> handler)
    {
        lock (_handlers)
        {
            _handlers.Add(handler);
        }
    }

    public T? Get(string @namespace, string name) =>
        _byNamespace.TryGetValue(@namespace, out var objects) && objects.TryGetValue(name, out var obj) ? obj : null;

    public IReadOnlyList<T> List(string @namespace) =>
        _byNamespace.TryGetValue(@namespace, out var objects) ? [.. objects.Values] : [];

    public IReadOnlyList<T> ListAll() => [.. _byNamespace.Values.SelectMany(objects => objects.Values)];

    /// <summary>Stores a fresh list: objects missing from it are reported deleted, changed ones modified.</summary>
    public void Replace(IEnumerable<T> items)
    {
        var fresh = items.ToDictionary(ObjectKey.Of);
        foreach (var existing in ListAll())
        {
            if (!fresh.ContainsKey(ObjectKey.Of(existing)))
            {
                Delete(existing);
            }
        }

        foreach (var item in fresh.Values)
        {
            Upsert(item);
        }

        _synced.TrySetResult();
    }

    public void Upsert(T obj)
    {
        CachedObject.Trim(obj);
        var key = ObjectKey.Of(obj);
        var objects = _byNamespace.GetOrAdd(key.Namespace, _ => new ConcurrentDictionary<string, T>(StringComparer.Ordinal));
        T? old = null;
        objects.AddOrUpdate(key.Name, obj, (_, previous) =>
        {
            old = previous;
            return obj;
        });
        if (old is not null && old.Metadata.ResourceVersion == obj.Metadata.ResourceVersion)
        {
            return;
        }

        Notify(old, obj);
    }

    public void Delete(T obj)
    {
        var key = ObjectKey.Of(obj);
        if (_byNamespace.TryGetValue(key.Namespace, out var objects) && objects.TryRemove(key.Name, out var old))
        {
            Notify(old, null);
        }
    }

    private void Notify(T? old, T? current)
    {
        Action<T?, T?>[] handlers;
        lock (_handlers)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            handler(old, current);
        }
    }
}
