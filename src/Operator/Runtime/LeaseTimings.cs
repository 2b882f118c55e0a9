namespace RightSizer.Operator.Runtime;

/// <summary>
/// The timings of Lease leadership, client-go's defaults: a lease lasts 15 s; the leader renews every 2 s and gives up
/// leading if it has not renewed for 10 s, before anyone else may take over.
/// </summary>
public sealed record LeaseTimings
{
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);
}
