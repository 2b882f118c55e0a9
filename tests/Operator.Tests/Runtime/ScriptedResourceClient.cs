using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Tests.Runtime;

/// <summary>
/// A list-and-watch client that plays a script, one step per watch call, the way KubernetesClient surfaces what a
/// server does (events, Status errors through onError, exceptions from the enumeration), and records what was asked.
/// After the script it waits for cancellation and completes <see cref="Exhausted"/>.
/// </summary>
internal sealed class ScriptedResourceClient : IResourceClient<V1ConfigMap>
{
    private readonly Queue<Func<Action<Exception>, IAsyncEnumerable<(WatchEventType, V1ConfigMap)>>> _watches = new();
    private readonly Queue<(IReadOnlyList<V1ConfigMap> Items, string Version)> _lists = new();

    public string Resource => "configmaps";

    public List<string> WatchedFrom { get; } = [];

    public TaskCompletionSource Exhausted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static V1ConfigMap Object(string name, string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", ResourceVersion = resourceVersion } };

    public ScriptedResourceClient List(string version, params V1ConfigMap[] items)
    {
        _lists.Enqueue((items, version));
        return this;
    }

    public ScriptedResourceClient Watch(params (WatchEventType Type, V1ConfigMap Object)[] events) =>
        Step(_ => Play(events, null));

    /// <summary>A Status error inside the stream: onError is told, and the stream ends after the given events.</summary>
    public ScriptedResourceClient WatchWithStatus(Exception status, params (WatchEventType Type, V1ConfigMap Object)[] events) =>
        Step(onError => Play(events, () => onError(status)));

    public ScriptedResourceClient WatchThrows(Exception exception) => Step(_ => Throw(exception));

    public Task<(IReadOnlyList<V1ConfigMap> Items, string ResourceVersion)> ListAsync(string? @namespace, CancellationToken cancellationToken) =>
        Task.FromResult(_lists.Dequeue());

    public IAsyncEnumerable<(WatchEventType Type, V1ConfigMap Object)> WatchAsync(
        string? @namespace, string resourceVersion, TimeSpan timeout, Action<Exception> onError, CancellationToken cancellationToken)
    {
        WatchedFrom.Add(resourceVersion);
        if (_watches.TryDequeue(out var step))
        {
            return step(onError);
        }

        Exhausted.TrySetResult();
        return Forever(cancellationToken);
    }

    private ScriptedResourceClient Step(Func<Action<Exception>, IAsyncEnumerable<(WatchEventType, V1ConfigMap)>> step)
    {
        _watches.Enqueue(step);
        return this;
    }

    private static async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> Play((WatchEventType, V1ConfigMap)[] events, Action? then)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }

        then?.Invoke();
    }

    private static async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> Throw(Exception exception)
    {
        await Task.Yield();
        throw exception;
#pragma warning disable CS0162 // An iterator needs a yield to be one.
        yield break;
#pragma warning restore CS0162
    }

    private static async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> Forever([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }
}
