namespace RightSizer.Recommender.Calibration;

/// <summary>The calibrated headroom one value got: its scale, the risk it targets, and the fleet evidence behind it.</summary>
/// <param name="Scale">The container's scale of the square-root headroom.</param>
/// <param name="FleetScale">The fleet's calibrated scale the container's was shrunk toward.</param>
/// <param name="SpreadRatio">The container's shrunk spread relative to the fleet's (1: the fleet value).</param>
/// <param name="DataWeight">How far the fleet scale moved from the prior toward the backtest, in [0, 1).</param>
public sealed record AppliedCalibration(
    double Scale,
    double TargetRisk,
    double FleetScale,
    double SpreadRatio,
    double ContainerDays,
    double DataWeight);
