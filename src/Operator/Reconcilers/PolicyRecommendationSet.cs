using RightSizer.Api.Units;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Reconcilers;

/// <summary>A policy's recommendations, one per container name, with the names whose mode is Off and today's limits.</summary>
public sealed record PolicyRecommendationSet(
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlySet<string> OffContainers,
    IReadOnlyDictionary<string, Memory?> CurrentLimits);
