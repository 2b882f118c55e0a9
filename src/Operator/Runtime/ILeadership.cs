namespace RightSizer.Operator.Runtime;

/// <summary>Whether this replica may act: write status, evict, resize.</summary>
public interface ILeadership
{
    /// <summary>True while the lease is held and was renewed within the renew deadline.</summary>
    bool IsLeader { get; }

    /// <summary>Completes once this replica leads.</summary>
    Task WaitUntilLeaderAsync(CancellationToken cancellationToken);

    /// <summary>Cancelled when leadership, once held, is lost.</summary>
    CancellationToken Lost { get; }
}
