using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Policy;

namespace RightSizer.Operator.Cli;

/// <summary>The sizing settings the CLI uses: a MemoryPolicy's (from <c>--policy</c>) or the defaults.</summary>
public sealed class PolicySettings
{
    private readonly V1alpha1MemoryPolicySpec? _spec;

    private PolicySettings(V1alpha1MemoryPolicySpec? spec)
    {
        _spec = spec;
        var all = For(MemoryPolicyDefaults.AllContainers);
        Window = all.HistoryWindow;
        Signal = all.Signal;
    }

    public TimeSpan Window { get; }

    public MemorySignal Signal { get; }

    /// <summary>Defaults when <paramref name="path"/> is null; else the one valid MemoryPolicy in the file.</summary>
    public static PolicySettings Load(string? path)
    {
        if (path is null)
        {
            return new PolicySettings(null);
        }

        var policy = PolicyFile.LoadSingle(path);
        return new PolicySettings(policy.Spec);
    }

    public RecommendationSettings For(SeriesKey key) => For(key.Container ?? key.Id);

    private RecommendationSettings For(string container) =>
        _spec is null ? RecommendationSettings.Default : PolicySettingsResolver.Resolve(_spec, container);
}
