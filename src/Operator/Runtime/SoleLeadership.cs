namespace RightSizer.Operator.Runtime;

/// <summary>Leadership when election is off (<c>--leader-elect=false</c>): this replica always leads.</summary>
public sealed class SoleLeadership : ILeadership
{
    public bool IsLeader => true;

    public CancellationToken Lost => CancellationToken.None;

    public Task WaitUntilLeaderAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
