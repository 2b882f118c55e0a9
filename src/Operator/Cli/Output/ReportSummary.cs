namespace RightSizer.Operator.Cli.Output;

/// <summary>
/// The report in one line's worth of numbers: how many containers were sized, and, for the sized containers whose
/// request is known today, the memory they request today against the memory proposed.
/// </summary>
/// <param name="Compared">Sized containers whose current request is known: the ones the three sums cover.</param>
/// <param name="ProposedRequestBytes">Σ of every sized container's recommended request.</param>
public sealed record ReportSummary(
    int Containers,
    int Sized,
    int Compared,
    long ProposedRequestBytes,
    long ComparedCurrentRequestBytes,
    long ComparedProposedRequestBytes,
    long ComparedRequestChangeBytes)
{
    public static ReportSummary Of(IReadOnlyList<RecommendationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sized = rows.Where(r => r.RequestBytes is not null).ToList();
        var compared = sized.Where(r => r.CurrentRequestBytes is not null).ToList();
        var current = compared.Sum(r => r.CurrentRequestBytes!.Value);
        var proposed = compared.Sum(r => r.RequestBytes!.Value);
        return new ReportSummary(rows.Count, sized.Count, compared.Count, sized.Sum(r => r.RequestBytes!.Value), current, proposed, proposed - current);
    }
}
