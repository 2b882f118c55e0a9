namespace RightSizer.Recommender.Benchmark;

/// <summary>
/// One strategy's scores. Request slack = Σ max(request − usage, 0) / Σ request over samples; limit slack likewise;
/// over-request = share of samples above the request; OOM rate = share of (series, period) pairs whose peak exceeds
/// the limit; requested/used = Σ request / Σ usage; vs static = Σ request / the static strategy's Σ request.
/// </summary>
public sealed record ReplayResult(
    string Strategy,
    ReplayMode Mode,
    double RequestSlack,
    double LimitSlack,
    double OverRequest,
    double OomRate,
    double RequestedPerUsed,
    double? RequestedVsStatic,
    long Pairs,
    long OomPairs,
    long Samples)
{
    public static ReplayResult From(string strategy, ReplayMode mode, ReplayTally tally, ReplayTally? staticTally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return new ReplayResult(
            strategy,
            mode,
            Ratio(tally.RequestSlack, tally.RequestSum),
            Ratio(tally.LimitSlack, tally.LimitSum),
            Ratio(tally.SamplesAboveRequest, tally.Samples),
            Ratio(tally.OomPairs, tally.Pairs),
            Ratio(tally.RequestSum, tally.UsageSum),
            staticTally is null ? null : Ratio(tally.RequestSum, staticTally.RequestSum),
            tally.Pairs,
            tally.OomPairs,
            tally.Samples);
    }

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : 0;
}
