using System.Net;
using k8s.Autorest;
using k8s.LeaderElection;

namespace RightSizer.Operator.Tests.Runtime;

/// <summary>
/// One lease shared by several <see cref="ILock"/>s, with the API server's optimistic concurrency: an update based on
/// a stale read fails, as a 409 makes LeaseLock's UpdateAsync return false. A partitioned lock cannot reach it.
/// </summary>
internal sealed class InMemoryLeaseStore
{
    private readonly Lock _gate = new();
    private LeaderElectionRecord? _record;
    private int _version;

    public LeaderElectionRecord? Record
    {
        get
        {
            lock (_gate)
            {
                return _record;
            }
        }
    }

    public LockClient For(string identity) => new(this, identity);

    internal sealed class LockClient(InMemoryLeaseStore store, string identity) : ILock
    {
        private int _readVersion = -1;

        public string Identity => identity;

        public bool Partitioned { get; set; }

        public Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
        {
            Reachable();
            lock (store._gate)
            {
                if (store._record is null)
                {
                    throw NotFound();
                }

                _readVersion = store._version;
                return Task.FromResult(Copy(store._record));
            }
        }

        public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
        {
            Reachable();
            lock (store._gate)
            {
                if (store._record is not null)
                {
                    return Task.FromResult(false);
                }

                store._record = Copy(record);
                _readVersion = ++store._version;
                return Task.FromResult(true);
            }
        }

        public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
        {
            Reachable();
            lock (store._gate)
            {
                if (store._version != _readVersion)
                {
                    return Task.FromResult(false);
                }

                store._record = Copy(record);
                _readVersion = ++store._version;
                return Task.FromResult(true);
            }
        }

        public string Describe() => $"memory/lease ({identity})";

        private void Reachable()
        {
            if (Partitioned)
            {
                throw new HttpRequestException("connection refused");
            }
        }

        private static HttpOperationException NotFound() => new("not found")
        {
            Response = new HttpResponseMessageWrapper(new HttpResponseMessage(HttpStatusCode.NotFound), string.Empty),
        };

        private static LeaderElectionRecord Copy(LeaderElectionRecord r) => new()
        {
            HolderIdentity = r.HolderIdentity,
            LeaseDurationSeconds = r.LeaseDurationSeconds,
            AcquireTime = r.AcquireTime,
            RenewTime = r.RenewTime,
            LeaderTransitions = r.LeaderTransitions,
        };
    }
}
