using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Model;
using static System.FormattableString;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// Sizes usage below <see cref="Floor"/> as the floor: an idle or unmeasured container (a history of zeros) must not get
/// a 0 request and limit, which Kubernetes reads as unset. It wraps a base estimator, so the margin and headroom that
/// follow are sized from the floor and a Burstable policy keeps a limit above its request.
/// </summary>
public sealed class MemoryFloorDecorator(IMemoryEstimator inner) : IMemoryEstimator
{
    /// <summary>
    /// Container runtimes refuse limits of a few MiB (Docker's minimum is 6 MB) and a process with its runtime rarely
    /// starts in less; 16 MiB clears both for the smallest sidecars.
    /// </summary>
    public static readonly Memory Floor = Memory.FromMiB(16);

    public MemoryEstimate Estimate(EstimationInput input)
    {
        var estimate = inner.Estimate(input);
        if (estimate.Bytes >= Floor.Bytes)
        {
            return estimate;
        }

        var note = new Reason(ReasonCode.MemoryFloor, Invariant(
            $"floor: {estimate.Text} is below the {Floor.ToHuman()} floor; sized as {Floor.ToHuman()}"));
        return new MemoryEstimate(Floor.Bytes, Floor.Bytes, estimate.Text + ", floor " + Floor.ToHuman(), [.. estimate.Notes, note]);
    }
}
