using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Policy;

/// <summary>
/// Resolves a MemoryPolicy spec into the typed settings of one container: the container's own entry wins over the
/// <c>*</c> entry, and anything unset takes the API default. Call it on validated specs only: an unparsable value is an
/// <see cref="ArgumentException"/> here, not a user-facing message.
/// </summary>
public static class PolicySettingsResolver
{
    public static RecommendationSettings Resolve(V1alpha1MemoryPolicySpec spec, string containerName)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var defaults = RecommendationSettings.Default;
        var recommendation = spec.Recommendation ?? new V1alpha1RecommendationSpec();
        var container = FindContainer(spec, containerName);

        return new RecommendationSettings
        {
            Signal = recommendation.Signal ?? defaults.Signal,
            HistoryWindow = Duration(recommendation.HistoryWindow, "recommendation.historyWindow") ?? defaults.HistoryWindow,
            HalfLife = Duration(recommendation.HalfLife, "recommendation.halfLife") ?? defaults.HalfLife,
            RequestPercentile = recommendation.RequestPercentile ?? defaults.RequestPercentile,
            LimitStrategy = recommendation.LimitStrategy ?? defaults.LimitStrategy,
            LimitPercentile = recommendation.LimitPercentile ?? defaults.LimitPercentile,
            Seasonality = recommendation.Seasonality ?? defaults.Seasonality,
            RequestMargin = recommendation.RequestMargin ?? defaults.RequestMargin,
            LimitMargin = recommendation.LimitMargin,
            OomRisk = recommendation.OomRisk,
            OverRequestRisk = recommendation.OverRequestRisk ?? defaults.OverRequestRisk,
            GrowthHorizon = Duration(recommendation.GrowthHorizon, "recommendation.growthHorizon") ?? defaults.GrowthHorizon,
            MinSamples = recommendation.MinSamples ?? defaults.MinSamples,
            QosClass = spec.QosClass ?? defaults.QosClass,
            Runtime = spec.Runtime?.Type ?? defaults.Runtime,
            HeapHeadroom = spec.Runtime?.HeapHeadroom ?? defaults.HeapHeadroom,
            MinAllowed = Quantity(container?.MinAllowed, "minAllowed"),
            MaxAllowed = Quantity(container?.MaxAllowed, "maxAllowed"),
            ControlledValues = container?.ControlledValues ?? defaults.ControlledValues,
            Mode = container?.Mode ?? defaults.Mode,
        };
    }

    private static V1alpha1ContainerPolicy? FindContainer(V1alpha1MemoryPolicySpec spec, string containerName)
    {
        var containers = spec.Containers ?? [];
        return containers.FirstOrDefault(c => c.ContainerName == containerName)
            ?? containers.FirstOrDefault(c => c.ContainerName == MemoryPolicyDefaults.AllContainers);
    }

    private static TimeSpan? Duration(string? text, string field) =>
        text is null ? null
        : PromDuration.TryParse(text, out var duration, out var error) ? duration
        : throw new ArgumentException($"spec.{field}: {error}");

    private static Memory? Quantity(string? text, string field) =>
        text is null ? null
        : Memory.TryParse(text, out var memory, out var error) ? memory
        : throw new ArgumentException($"containers.{field}: {error}");
}
