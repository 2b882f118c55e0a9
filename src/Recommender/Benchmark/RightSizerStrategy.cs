using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Benchmark;

/// <summary>Our engine with a given policy's settings; the OOM kills the replay observed reach it as they would from kube-state-metrics.</summary>
public sealed class RightSizerStrategy(string name, IRecommendationEngine engine, RecommendationSettings settings) : ISizingStrategy
{
    public string Name => name;

    public SizingProposal? Propose(ContainerHistory history, DateTimeOffset decisionTime)
    {
        var recommendation = engine.Recommend(history, settings, decisionTime);
        return recommendation.Request is { } request ? new SizingProposal(request, recommendation.Limit) : null;
    }
}
