using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using static System.FormattableString;

namespace RightSizer.Recommender.Estimation;

/// <summary>Raises the estimate to the floor the window's OOM kills set (<see cref="OomResponse.Floor"/>).</summary>
public sealed class OomFloorDecorator(IMemoryEstimator inner) : IMemoryEstimator
{
    public MemoryEstimate Estimate(EstimationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var estimate = inner.Estimate(input);
        if (input.Kills.Count == 0)
        {
            return estimate;
        }

        var last = input.Kills[^1].LimitAtKill is { } atKill ? $", last at limit {atKill.ToHuman()}" : string.Empty;
        var factor = 1 + (OomResponse.HeadroomPerKill * input.Kills.Count);
        var note = Invariant($"oom-bump: {input.Kills.Count} kill(s) in window{last}; headroom x{factor:0.#}");
        return OomResponse.Floor(input.Kills) is { } floor && floor.Bytes > estimate.Bytes
            ? estimate.Noted(floor.Bytes, new Reason(ReasonCode.OomBump, note + $"; limit raised to {floor.ToHuman()}"))
            : estimate.Noted(estimate.Bytes, new Reason(ReasonCode.OomBump, note));
    }
}
