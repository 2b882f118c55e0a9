namespace RightSizer.Recommender.Model;

/// <summary>Turns one container's history into a recommendation. Pure: no I/O, no clock.</summary>
public interface IRecommendationEngine
{
    /// <param name="history">The container's history; samples after <paramref name="asOf"/> are ignored.</param>
    /// <param name="settings">The resolved policy settings for this container.</param>
    /// <param name="asOf">The decision time: only history before it counts.</param>
    Recommendation Recommend(ContainerHistory history, RecommendationSettings settings, DateTimeOffset asOf);
}
