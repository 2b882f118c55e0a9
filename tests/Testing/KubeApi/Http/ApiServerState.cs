using RightSizer.Testing.KubeApi.Faults;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Storage;
using RightSizer.Testing.KubeApi.Tables;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>Everything the request handlers share: the store, the catalog, the clock, faults and the request record.</summary>
public sealed class ApiServerState
{
    private readonly Lock _gate = new();
    private readonly List<ApiRequestRecord> _requests = [];
    private readonly Random _random;
    private readonly List<EvictionRecord> _evictions = [];

    public ApiServerState(LocalKubeApiServerOptions options)
    {
        Options = options;
        Time = options.Time ?? TimeProvider.System;
        _random = options.Random ?? new Random();
        Store = new ObjectStore(options.WatchHistory);
        Tables = new TableBuilder(Time);
        Catalog = new ResourceCatalog(Minor);
    }

    public LocalKubeApiServerOptions Options { get; }

    public TimeProvider Time { get; }

    public ResourceCatalog Catalog { get; }

    public ObjectStore Store { get; }

    public TableBuilder Tables { get; }

    public ApiFaults Faults { get; } = new();

    /// <summary>The minor version (33 for 1.33): version-dependent rules such as resize read it.</summary>
    public int Minor => int.Parse(Options.Version.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The server's version as /version reports it: v1.&lt;minor&gt;.0.</summary>
    public string GitVersion => $"v{Options.Version}.0";

    public IReadOnlyCollection<ApiRequestRecord> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public void Record(ApiRequestRecord record)
    {
        lock (_gate)
        {
            _requests.Add(record);
        }
    }

    public Guid NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_gate)
        {
            _random.NextBytes(bytes);
        }

        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A generateName suffix as names.SimpleNameGenerator makes it: 5 characters from a consonant-and-digit alphabet.</summary>
    public string NameSuffix()
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        lock (_gate)
        {
            return string.Concat(Enumerable.Range(0, 5).Select(_ => alphabet[_random.Next(alphabet.Length)]));
        }
    }

    /// <summary>Every eviction answered, in order, with the pod's name (the request record names resources, not objects).</summary>
    public IReadOnlyList<EvictionRecord> Evictions
    {
        get
        {
            lock (_gate)
            {
                return [.. _evictions];
            }
        }
    }

    public void RecordEviction(EvictionRecord record)
    {
        lock (_gate)
        {
            _evictions.Add(record);
        }
    }
}
