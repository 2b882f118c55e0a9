using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;

namespace RightSizer.Recommender.Calibration;

/// <summary>
/// Calibrates every fleet in a set of containers: the containers that share settings are one fleet (a policy's, or a
/// container override's within it), each calibrated over its own recent days (<see cref="FleetCalibrator"/>). The one
/// path by which both the CLI's runs and the operator's reconciles get calibrated settings; a fleet too small for its
/// risk keeps the prior scales, as the calibrator decides.
/// </summary>
public static class FleetCalibrations
{
    /// <param name="containers">Each container's history (its own series, not merged with others) and resolved settings.</param>
    /// <returns>Each distinct settings mapped to the same settings with its fleet's calibration; a container mode of Off is not calibrated.</returns>
    public static IReadOnlyDictionary<RecommendationSettings, RecommendationSettings> Calibrate(
        IEnumerable<(ContainerHistory History, RecommendationSettings Settings)> containers,
        DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(containers);
        return containers
            .GroupBy(c => c.Settings)
            .ToDictionary(
                g => g.Key,
                g => g.Key.Mode == ContainerMode.Off ? g.Key : g.Key with
                {
                    Calibration = FleetCalibrator.Calibrate([.. g.Select(c => c.History)], g.Key, g.Key.QosClass == QosPolicy.Guaranteed, asOf),
                });
    }
}
