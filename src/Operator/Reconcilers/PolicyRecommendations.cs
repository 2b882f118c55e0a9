using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Model;
using RightSizer.Recommender.Policy;

namespace RightSizer.Operator.Reconcilers;

/// <summary>
/// Sizes every container of a policy's target from one history snapshot. The policy's fleet is its containers' own
/// series (one per workload and container, over their own recent days), calibrated through the path the CLI takes
/// (<see cref="FleetCalibrations"/>); then each container name is sized over the history of every workload of the
/// target with its fleet's calibration.
/// </summary>
public static class PolicyRecommendations
{
    public static PolicyRecommendationSet Compute(
        V1alpha1MemoryPolicy policy,
        ResolvedTarget target,
        HistorySnapshot snapshot,
        IRecommendationEngine engine)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(engine);
        var ns = policy.Metadata.NamespaceProperty ?? string.Empty;
        var containers = target.Pods
            .SelectMany(p => p.Spec?.Containers ?? [])
            .Select(c => c.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(name => (Name: name, Settings: PolicySettingsResolver.Resolve(policy.Spec, name)))
            .ToList();

        var fleet = containers.SelectMany(c => target.Workloads
            .Select(w => snapshot.Find(c.Settings.Signal, ns, w.Ref, c.Name))
            .OfType<ContainerHistory>()
            .Select(h => (h, c.Settings)));
        var calibrated = FleetCalibrations.Calibrate(fleet, snapshot.AsOf);

        var recommendations = new List<Recommendation>();
        var off = new HashSet<string>(StringComparer.Ordinal);
        var currentLimits = new Dictionary<string, Memory?>(StringComparer.Ordinal);
        foreach (var (name, settings) in containers)
        {
            if (settings.Mode == ContainerMode.Off)
            {
                off.Add(name);
            }

            var input = ContainerHistoryAssembler.Assemble(name, settings.Signal, ns, target, snapshot);
            currentLimits[name] = input.Current?.MemoryLimit;
            var recommendation = engine.Recommend(input, calibrated.GetValueOrDefault(settings, settings), snapshot.AsOf);
            recommendations.Add(recommendation with { Series = recommendation.Series with { Container = name } });
        }

        return new PolicyRecommendationSet(recommendations, off, currentLimits);
    }
}
