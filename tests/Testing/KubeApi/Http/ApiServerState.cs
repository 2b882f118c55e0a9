using RightSizer.Testing.KubeApi.Faults;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Storage;
using RightSizer.Testing.KubeApi.Tables;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>Everything the request handlers share: the store, the catalog, the clock, faults and the request record.</summary>
public sealed class ApiServerState
{
    private readonly Lock _gate = new();
    private readonly List<(string User, ApiRequestRecord Request)> _requests = [];
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

    /// <summary>The user name the server's own kubeconfig authenticates as.</summary>
    public const string AdministratorName = "kubernetes-admin";

    public LocalKubeApiServerOptions Options { get; }

    /// <summary>Further users by bearer token (see <see cref="LocalKubeApiServer.AddUser"/>).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> Users { get; } = new(StringComparer.Ordinal);

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
                return [.. _requests.Select(r => r.Request)];
            }
        }
    }

    /// <summary>The requests one user sent, in order.</summary>
    public IReadOnlyList<ApiRequestRecord> RequestsBy(string user)
    {
        lock (_gate)
        {
            return [.. _requests.Where(r => r.User == user).Select(r => r.Request)];
        }
    }

    public void Record(string user, ApiRequestRecord record)
    {
        lock (_gate)
        {
            _requests.Add((user, record));
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
