using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli.Inputs;

/// <summary>
/// Passes another source's histories through and keeps each one by series id, for the commands that need the
/// samples after the engine has run (the evidence's peak, the report's charts).
/// </summary>
public sealed class CapturingHistorySource(IHistorySource inner) : IHistorySource
{
    private readonly ConcurrentDictionary<string, ContainerHistory> _captured = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ContainerHistory> Captured => _captured;

    public async IAsyncEnumerable<ContainerHistory> ReadAsync(HistoryQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var history in inner.ReadAsync(query, cancellationToken).ConfigureAwait(false))
        {
            _captured[history.Key.Id] = history;
            yield return history;
        }
    }
}
