namespace RightSizer.Recommender.Model;

/// <summary>Everything the engine knows about one container: usage samples sorted by time, and what goes with them.</summary>
public sealed record ContainerHistory(SeriesKey Key, ReadOnlyMemory<Sample> Usage)
{
    /// <summary>OOM kills in the window, oldest first.</summary>
    public IReadOnlyList<OomKill> OomKills { get; init; } = [];

    /// <summary>Today's requests and limits, where known.</summary>
    public CurrentResources? Current { get; init; }

    /// <summary>Image, command and environment, where known (from a pod spec).</summary>
    public ContainerRuntimeHints? Runtime { get; init; }

    /// <summary>Managed-heap usage (JVM heap or .NET GC heap), sorted by time; empty when not exported.</summary>
    public ReadOnlyMemory<Sample> HeapUsage { get; init; }
}
