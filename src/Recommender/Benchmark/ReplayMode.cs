namespace RightSizer.Recommender.Benchmark;

/// <summary>What a strategy sees of the periods it has already been judged on.</summary>
public enum ReplayMode
{
    /// <summary>
    /// As a cluster records it: a cgroup never lets the working set above the limit, so usage the strategy's own limit
    /// cut off appears capped at that limit, next to the OOM kill it caused.
    /// </summary>
    Capped,

    /// <summary>The trace as it is, usage above the strategy's limit included: the older protocol, kept for comparison.</summary>
    Uncapped,
}
