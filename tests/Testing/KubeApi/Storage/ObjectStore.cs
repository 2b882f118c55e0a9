using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Semantics.Errors;

namespace RightSizer.Testing.KubeApi.Storage;

/// <summary>
/// Every object of the cluster in memory, keyed by group/resource/namespace/name, with one resourceVersion counter
/// for all of them (as etcd's revision is one counter). Writes publish to open watches under the same lock, so a watch
/// sees changes in resourceVersion order. Objects go in and come out as copies.
/// </summary>
public sealed class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _objects = [];
    private readonly Dictionary<string, List<WatchSubscription>> _watches = [];
    private readonly Queue<StoreEvent> _history = new();
    private readonly int _historyCapacity;
    private long _resourceVersion = 1;

    public ObjectStore(int historyCapacity) => _historyCapacity = historyCapacity;

    public long CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Drops the change history, so a watch from any earlier resourceVersion gets 410 Expired.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _history.Clear();
        }
    }

    public JsonObject? Get(ResourceType type, string ns, string name)
    {
        lock (_gate)
        {
            return Bucket(type).TryGetValue(Key(ns, name), out var found) ? (JsonObject)found.DeepClone() : null;
        }
    }

    /// <summary>The objects of one resource (in one namespace, or all when <paramref name="ns"/> is null), sorted by namespace and name.</summary>
    public (IReadOnlyList<JsonObject> Items, long ResourceVersion) List(ResourceType type, string? ns)
    {
        lock (_gate)
        {
            var items = Bucket(type).Values
                .Where(o => ns is null || ObjectMeta.Namespace(o) == ns)
                .Select(o => (JsonObject)o.DeepClone())
                .ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>
    /// One page of a list: the objects <paramref name="matches"/> accepts whose namespace/name key sorts after
    /// <paramref name="afterKey"/>, at most <paramref name="limit"/> of them copied out, and how many matching ones
    /// follow. Matching reads the stored objects under the lock, so only the page is copied.
    /// </summary>
    public (IReadOnlyList<JsonObject> Items, long ResourceVersion, int Remaining) ListPage(
        ResourceType type, string? ns, Func<JsonObject, bool> matches, string? afterKey, int? limit)
    {
        lock (_gate)
        {
            var items = new List<JsonObject>();
            var remaining = 0;
            foreach (var (key, obj) in Bucket(type))
            {
                if ((ns is not null && ObjectMeta.Namespace(obj) != ns) || (afterKey is not null && string.CompareOrdinal(key, afterKey) <= 0) || !matches(obj))
                {
                    continue;
                }

                if (limit is { } max && items.Count >= max)
                {
                    remaining++;
                }
                else
                {
                    items.Add((JsonObject)obj.DeepClone());
                }
            }

            return (items, _resourceVersion, remaining);
        }
    }

    public JsonObject Create(ResourceType type, JsonObject obj)
    {
        lock (_gate)
        {
            var bucket = Bucket(type);
            var key = Key(ObjectMeta.Namespace(obj), ObjectMeta.Name(obj));
            if (bucket.ContainsKey(key))
            {
                throw new ApiStatusException(StatusErrors.AlreadyExists(type.Resource, ObjectMeta.Name(obj)));
            }

            var stored = Stamp(obj);
            bucket[key] = stored;
            Publish(new StoreEvent("ADDED", type, (JsonObject)stored.DeepClone(), null, _resourceVersion));
            return (JsonObject)stored.DeepClone();
        }
    }

    /// <summary>Replaces an object if its stored resourceVersion is still <paramref name="expectedResourceVersion"/>.</summary>
    public JsonObject Replace(ResourceType type, JsonObject obj, long expectedResourceVersion)
    {
        lock (_gate)
        {
            var bucket = Bucket(type);
            var name = ObjectMeta.Name(obj);
            var key = Key(ObjectMeta.Namespace(obj), name);
            if (!bucket.TryGetValue(key, out var current))
            {
                throw new ApiStatusException(StatusErrors.NotFound(type.Resource, name));
            }

            if (ObjectMeta.ResourceVersion(current) != expectedResourceVersion)
            {
                throw new ApiStatusException(StatusErrors.Conflict(type.Resource, name));
            }

            var stored = Stamp(obj);
            bucket[key] = stored;
            Publish(new StoreEvent("MODIFIED", type, (JsonObject)stored.DeepClone(), current, _resourceVersion));
            return (JsonObject)stored.DeepClone();
        }
    }

    /// <summary>Removes an object; the DELETED event carries it with the deletion's resourceVersion.</summary>
    public JsonObject Remove(ResourceType type, string ns, string name, long? expectedResourceVersion = null)
    {
        lock (_gate)
        {
            var bucket = Bucket(type);
            var key = Key(ns, name);
            if (!bucket.TryGetValue(key, out var current))
            {
                throw new ApiStatusException(StatusErrors.NotFound(type.Resource, name));
            }

            if (expectedResourceVersion is { } expected && ObjectMeta.ResourceVersion(current) != expected)
            {
                throw new ApiStatusException(StatusErrors.Conflict(type.Resource, name));
            }

            bucket.Remove(key);
            var gone = Stamp(current);
            Publish(new StoreEvent("DELETED", type, (JsonObject)gone.DeepClone(), current, _resourceVersion));
            return gone;
        }
    }

    /// <summary>
    /// Opens a watch. From resourceVersion 0 it starts with the current state as ADDED events; from N with the retained
    /// changes after N, or 410 Expired when N is older than the history kept.
    /// </summary>
    public WatchSubscription Watch(ResourceType type, string? ns, long sinceResourceVersion)
    {
        lock (_gate)
        {
            var resourceKey = ResourceKey(type);
            IReadOnlyList<StoreEvent> initial;
            if (sinceResourceVersion == 0)
            {
                initial = [.. Bucket(type).Values
                    .Where(o => ns is null || ObjectMeta.Namespace(o) == ns)
                    .Select(o => new StoreEvent("ADDED", type, (JsonObject)o.DeepClone(), null, ObjectMeta.ResourceVersion(o)))];
            }
            else
            {
                var oldest = _history.Count > 0 ? _history.Peek().ResourceVersion - 1 : _resourceVersion;
                if (sinceResourceVersion < oldest)
                {
                    throw new ApiStatusException(StatusErrors.TooOldResourceVersion(sinceResourceVersion, _resourceVersion));
                }

                initial = [.. _history.Where(e => e.ResourceVersion > sinceResourceVersion && ResourceKey(e.Resource) == resourceKey
                    && (ns is null || e.Namespace == ns)).Select(e => e.Copy())];
            }

            var subscription = new WatchSubscription(resourceKey, ns, initial, Unsubscribe);
            if (!_watches.TryGetValue(resourceKey, out var list))
            {
                list = [];
                _watches[resourceKey] = list;
            }

            list.Add(subscription);
            return subscription;
        }
    }

    /// <summary>The number of watches open now (benchmarks and leak checks read it).</summary>
    public int OpenWatches
    {
        get
        {
            lock (_gate)
            {
                return _watches.Values.Sum(l => l.Count);
            }
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            if (_watches.TryGetValue(subscription.ResourceKey, out var list))
            {
                list.Remove(subscription);
            }

            subscription.Complete();
        }
    }

    private JsonObject Stamp(JsonObject obj)
    {
        // Re-parsed so every stored value is JSON-backed: a number set in code as int reads back as long too.
        var stored = (JsonObject)JsonNode.Parse(obj.ToJsonString())!;
        _resourceVersion++;
        ObjectMeta.Of(stored)["resourceVersion"] = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return stored;
    }

    private void Publish(StoreEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > _historyCapacity)
        {
            _history.Dequeue();
        }

        if (_watches.TryGetValue(ResourceKey(change.Resource), out var list))
        {
            foreach (var subscription in list)
            {
                subscription.Publish(change);
            }
        }
    }

    private SortedDictionary<string, JsonObject> Bucket(ResourceType type)
    {
        var key = ResourceKey(type);
        if (!_objects.TryGetValue(key, out var bucket))
        {
            bucket = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _objects[key] = bucket;
        }

        return bucket;
    }

    /// <summary>Versions of one resource share storage, as they do in etcd.</summary>
    private static string ResourceKey(ResourceType type) => $"{type.Group}/{type.Plural}";

    private static string Key(string ns, string name) => $"{ns}/{name}";
}
