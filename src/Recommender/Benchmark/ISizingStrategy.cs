using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Benchmark;

/// <summary>A way to size a container from its history: ours, or a peer's published algorithm.</summary>
public interface ISizingStrategy
{
    string Name { get; }

    /// <summary>
    /// Called once per decision time, before any <see cref="Propose"/> for it, with every series as this strategy has
    /// seen it: a strategy that calibrates on its fleet does it here. Peers size each container alone and ignore it.
    /// </summary>
    void Observe(IReadOnlyList<ContainerHistory> fleet, DateTimeOffset decisionTime)
    {
    }

    /// <summary>The proposal at <paramref name="decisionTime"/>, from history before it only; null when it has none.</summary>
    /// <param name="history">The whole series; samples at or after the decision time must be ignored.</param>
    SizingProposal? Propose(ContainerHistory history, DateTimeOffset decisionTime);
}
