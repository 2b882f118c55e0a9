using RightSizer.Api.V1alpha1;

namespace RightSizer.Operator.Updater;

/// <summary>A policy's update settings, parsed.</summary>
/// <param name="MaxUnavailable">An integer or a percentage such as 25%.</param>
public sealed record UpdateSettings(PolicyMode Mode, double MinChange, string MaxUnavailable, TimeSpan Cooldown)
{
    /// <summary>Whether a workload with one replica may be disrupted; there is no API field for it, so never.</summary>
    public bool AllowSingleReplica { get; init; }
}
