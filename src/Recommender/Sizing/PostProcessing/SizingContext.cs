using RightSizer.Api.Units;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Sizing.PostProcessing;

/// <summary>What the post-processors read besides the values: the settings, today's resources and the measured needs.</summary>
/// <param name="Guaranteed">Whether the policy wants request = limit (<see cref="QosOutcome.WantsGuaranteed"/>).</param>
/// <param name="HeapNeeded">The memory the measured heap and non-heap peaks need; null without heap metrics.</param>
public sealed record SizingContext(
    RecommendationSettings Settings,
    CurrentResources? Current,
    bool Guaranteed,
    Memory? HeapNeeded = null);
