using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Storage;

namespace RightSizer.Benchmarks;

/// <summary>
/// The API test server's store without HTTP: one write published to N open watches (each watcher gets its own copy
/// of the event), and one page of 500 and the whole of a 10,000-pod collection copied out.
/// </summary>
[MemoryDiagnoser]
public class ObjectStoreBenchmarks
{
    private static readonly ResourceType Pods = BuiltInResources.All.First(t => t is { Group: "", Plural: "pods" });
    private readonly List<WatchSubscription> _watches = [];
    private ObjectStore _store = null!;
    private JsonObject _pod = null!;

    [Params(0, 24)]
    public int Watchers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new ObjectStore(100_000);
        for (var i = 0; i < 10_000; i++)
        {
            _store.Create(Pods, Pod(i));
        }

        for (var i = 0; i < Watchers; i++)
        {
            _watches.Add(_store.Watch(Pods, null, _store.CurrentResourceVersion));
        }

        _pod = _store.Get(Pods, "default", "pod-00000")!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var watch in _watches)
        {
            watch.Dispose();
        }
    }

    [Benchmark]
    public long ReplaceAndFanOut()
    {
        _pod = _store.Replace(Pods, _pod, ObjectMeta.ResourceVersion(_pod));
        foreach (var watch in _watches)
        {
            while (watch.Live.TryRead(out _))
            {
            }
        }

        return ObjectMeta.ResourceVersion(_pod);
    }

    [Benchmark]
    public int ListPageOf500() => _store.ListPage(Pods, null, _ => true, "default/pod-05000", 500).Items.Count;

    [Benchmark]
    public int ListAll() => _store.List(Pods, null).Items.Count;

    private static JsonObject Pod(int i) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = $"pod-{i:00000}",
            ["namespace"] = "default",
            ["labels"] = new JsonObject { ["app"] = $"app-{i % 500}" },
        },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "app",
                ["image"] = "registry.example/app:1.0",
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["memory"] = "256Mi", ["cpu"] = "100m" }, ["limits"] = new JsonObject { ["memory"] = "512Mi" } },
            }),
        },
    };
}
