using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Calibration;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Benchmark;

/// <summary>
/// Our engine with a given policy's settings; the OOM kills the replay observed reach it as they would from
/// kube-state-metrics. With <paramref name="calibrate"/>, the headroom is calibrated on the fleet at every decision
/// time, from history before it, as the operator calibrates a policy on its containers.
/// </summary>
public sealed class RightSizerStrategy(string name, IRecommendationEngine engine, RecommendationSettings settings, bool calibrate = false) : ISizingStrategy
{
    private RecommendationSettings? _calibrated;

    public string Name => name;

    public void Observe(IReadOnlyList<ContainerHistory> fleet, DateTimeOffset decisionTime)
    {
        if (calibrate)
        {
            var guaranteed = settings.QosClass == QosPolicy.Guaranteed;
            _calibrated = settings with { Calibration = FleetCalibrator.Calibrate(fleet, settings, guaranteed, decisionTime) };
        }
    }

    public SizingProposal? Propose(ContainerHistory history, DateTimeOffset decisionTime)
    {
        var recommendation = engine.Recommend(history, _calibrated ?? settings, decisionTime);
        return recommendation.Request is { } request ? new SizingProposal(request, recommendation.Limit) : null;
    }
}
