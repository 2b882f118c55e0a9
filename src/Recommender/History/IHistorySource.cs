using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.History;

/// <summary>A source of container memory history: Prometheus, a history file.</summary>
public interface IHistorySource
{
    /// <summary>Streams one history per container, so that large scans need not hold every series at once.</summary>
    IAsyncEnumerable<ContainerHistory> ReadAsync(HistoryQuery query, CancellationToken cancellationToken);
}
