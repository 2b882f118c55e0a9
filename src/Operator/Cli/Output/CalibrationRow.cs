using RightSizer.Recommender.Calibration;

namespace RightSizer.Operator.Cli.Output;

/// <summary>A calibrated headroom: the container's scale, the risk it targets, and the fleet evidence behind it.</summary>
public sealed record CalibrationRow(double Scale, double TargetRisk, double FleetScale, double SpreadRatio, double ContainerDays, double DataWeight)
{
    public static CalibrationRow? From(AppliedCalibration? c) =>
        c is null ? null : new CalibrationRow(
            Math.Round(c.Scale, 3), c.TargetRisk, Math.Round(c.FleetScale, 3), Math.Round(c.SpreadRatio, 3), Math.Round(c.ContainerDays, 1), Math.Round(c.DataWeight, 3));
}
