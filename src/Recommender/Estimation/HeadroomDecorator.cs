using RightSizer.Api.Units;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// Adds the square-root headroom of the base estimate (<see cref="SizeAwareHeadroom"/>); for a limit, each OOM kill
/// in the window widens it (<see cref="OomResponse.HeadroomPerKill"/>).
/// </summary>
public sealed class HeadroomDecorator(IMemoryEstimator inner, double scale, bool widenPerKill) : IMemoryEstimator
{
    public MemoryEstimate Estimate(EstimationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var estimate = inner.Estimate(input);
        var factor = widenPerKill ? 1 + (OomResponse.HeadroomPerKill * input.Kills.Count) : 1;
        var headroom = SizeAwareHeadroom.For(estimate.Basis, scale) * factor;
        return estimate.Adjusted(estimate.Bytes + headroom, " + headroom " + Memory.FromBytes(headroom).ToHuman());
    }
}
