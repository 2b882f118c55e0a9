using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Benchmark.Baselines;

/// <summary>The manual baseline: the memory each series was provisioned with, as request and limit.</summary>
public sealed class StaticStrategy(IReadOnlyDictionary<string, Memory> provisioned) : ISizingStrategy
{
    public string Name => "static";

    public SizingProposal? Propose(ContainerHistory history, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(history);
        return provisioned.TryGetValue(history.Key.Id, out var size) ? new SizingProposal(size, size) : null;
    }
}
