using System.Threading.Channels;

namespace RightSizer.Testing.KubeApi.Storage;

/// <summary>An open watch on one resource: the events it starts with, then the live ones as they happen.</summary>
public sealed class WatchSubscription : IDisposable
{
    private readonly Action<WatchSubscription> _unsubscribe;
    private readonly Channel<StoreEvent> _live = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });

    internal WatchSubscription(string resourceKey, string? ns, IReadOnlyList<StoreEvent> initial, Action<WatchSubscription> unsubscribe)
    {
        ResourceKey = resourceKey;
        Namespace = ns;
        Initial = initial;
        _unsubscribe = unsubscribe;
    }

    public string ResourceKey { get; }

    /// <summary>The namespace watched, or null for every namespace.</summary>
    public string? Namespace { get; }

    /// <summary>Synthetic ADDED events for the current state (rv unset or 0), or the retained changes after the rv asked for.</summary>
    public IReadOnlyList<StoreEvent> Initial { get; }

    public ChannelReader<StoreEvent> Live => _live.Reader;

    public void Dispose() => _unsubscribe(this);

    internal void Publish(StoreEvent change)
    {
        if (Namespace is null || Namespace == change.Namespace)
        {
            _live.Writer.TryWrite(change.Copy());
        }
    }

    internal void Complete() => _live.Writer.TryComplete();
}
