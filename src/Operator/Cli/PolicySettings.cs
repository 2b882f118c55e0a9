using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Policy;

namespace RightSizer.Operator.Cli;

/// <summary>
/// The sizing settings the CLI uses: a MemoryPolicy's (from <c>--policy</c>) or the defaults, with one history window
/// resolved for the whole run: <c>--window</c> over the policy's <c>historyWindow</c> over the default. The same window
/// bounds the query, the engine's slice and the confidence.
/// </summary>
public sealed class PolicySettings
{
    private readonly V1alpha1MemoryPolicySpec? _spec;

    private PolicySettings(V1alpha1MemoryPolicySpec? spec, TimeSpan? window)
    {
        _spec = spec;
        var all = Resolve(MemoryPolicyDefaults.AllContainers);
        Window = window ?? all.HistoryWindow;
        Signal = all.Signal;
    }

    /// <summary>The resolved history window.</summary>
    public TimeSpan Window { get; }

    public MemorySignal Signal { get; }

    /// <summary>Defaults when <paramref name="path"/> is null; else the one valid MemoryPolicy in the file.</summary>
    /// <param name="window">The <c>--window</c> flag, which wins over the policy's window when given.</param>
    public static PolicySettings Load(string? path, TimeSpan? window = null) =>
        new(path is null ? null : PolicyFile.LoadSingle(path).Spec, window);

    public RecommendationSettings For(SeriesKey key) => Resolve(key.Container ?? key.Id) with { HistoryWindow = Window };

    private RecommendationSettings Resolve(string container) =>
        _spec is null ? RecommendationSettings.Default : PolicySettingsResolver.Resolve(_spec, container);
}
