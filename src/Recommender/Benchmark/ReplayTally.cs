namespace RightSizer.Recommender.Benchmark;

/// <summary>Running sums for one strategy over the scored (series, period) pairs; merged across series.</summary>
public sealed class ReplayTally
{
    public double RequestSlack { get; private set; }

    public double RequestSum { get; private set; }

    public double LimitSlack { get; private set; }

    public double LimitSum { get; private set; }

    public double UsageSum { get; private set; }

    public long Samples { get; private set; }

    public long SamplesAboveRequest { get; private set; }

    public long Pairs { get; private set; }

    public long OomPairs { get; private set; }

    /// <summary>Scores one proposal on the usage of its period.</summary>
    /// <returns>The first sample above the limit, the would-be OOM kill; null when none.</returns>
    public Model.Sample? Score(SizingProposal proposal, ReadOnlySpan<Model.Sample> period)
    {
        var request = (double)proposal.Request.Bytes;
        var limit = proposal.Limit is { } l ? (double)l.Bytes : double.PositiveInfinity;
        Model.Sample? kill = null;
        foreach (var sample in period)
        {
            RequestSlack += Math.Max(request - sample.Value, 0);
            RequestSum += request;
            UsageSum += sample.Value;
            if (sample.Value > request)
            {
                SamplesAboveRequest++;
            }

            if (!double.IsPositiveInfinity(limit))
            {
                LimitSlack += Math.Max(limit - sample.Value, 0);
                LimitSum += limit;
            }

            if (kill is null && sample.Value > limit)
            {
                kill = sample;
            }
        }

        Samples += period.Length;
        Pairs++;
        if (kill is not null)
        {
            OomPairs++;
        }

        return kill;
    }

    public void Add(ReplayTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequestSlack += other.RequestSlack;
        RequestSum += other.RequestSum;
        LimitSlack += other.LimitSlack;
        LimitSum += other.LimitSum;
        UsageSum += other.UsageSum;
        Samples += other.Samples;
        SamplesAboveRequest += other.SamplesAboveRequest;
        Pairs += other.Pairs;
        OomPairs += other.OomPairs;
    }
}
