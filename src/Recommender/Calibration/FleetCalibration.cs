namespace RightSizer.Recommender.Calibration;

/// <summary>The calibrated headroom of one policy over its fleet: the limit's (OOM risk) and the request's (over-request risk).</summary>
public sealed record FleetCalibration(RiskCalibration Limit, RiskCalibration Request);
