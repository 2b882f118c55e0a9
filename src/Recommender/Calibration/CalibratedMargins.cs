using RightSizer.Api.V1alpha1;

namespace RightSizer.Recommender.Calibration;

/// <summary>
/// The limit margin in force. Without calibration it is today's (0.2 Burstable, 0 Guaranteed, or the policy's); with
/// calibration it is 0 unless the policy sets one, because the calibrated headroom already meets the stated risk and a
/// fixed share on top would buy safety nobody asked for.
/// </summary>
public static class CalibratedMargins
{
    public static double Limit(double? policyMargin, bool guaranteed, bool calibrated) =>
        policyMargin
        ?? (calibrated ? 0 : guaranteed ? MemoryPolicyDefaults.GuaranteedLimitMargin : MemoryPolicyDefaults.LimitMargin);
}
