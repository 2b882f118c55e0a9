using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Estimation;

/// <summary>
/// What an OOM kill in the window does to the limit. The floor is the VPA's: at least the limit at the kill times
/// 1.2 and at least 100 MiB more (OOMBumpUpRatio and OOMMinBumpUp in kubernetes/autoscaler
/// vertical-pod-autoscaler/pkg/recommender/model/container.go). On top of that each kill widens the square-root
/// headroom over the observed peak, because a container that was killed has shown that its peaks outgrow its history;
/// widening the headroom rather than adding a share of the peak keeps the response cheap for large containers.
/// </summary>
public static class OomResponse
{
    public const double BumpRatio = 1.2;

    public static readonly Memory MinBump = Memory.FromMiB(100);

    /// <summary>Each kill in the window adds this many times the usual headroom.</summary>
    public const double HeadroomPerKill = 2;

    /// <returns>The lowest limit the kills allow, or null when no kill says anything about the limit.</returns>
    public static Memory? Floor(IReadOnlyList<OomKill> kills)
    {
        Memory? floor = null;
        foreach (var kill in kills)
        {
            if (kill.LimitAtKill is { } limit)
            {
                var bumped = Memory.Max(limit * BumpRatio, limit + MinBump);
                floor = floor is { } current ? Memory.Max(current, bumped) : bumped;
            }
        }

        return floor;
    }
}
