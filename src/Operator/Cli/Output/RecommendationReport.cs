using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Cli.Output;

/// <summary>
/// The stable output contract of <c>rightsizer recommend</c> (JSON, YAML and CSV share it; docs/cli.md documents it).
/// Add fields, never rename or remove them.
/// </summary>
public sealed record RecommendationReport(
    DateTimeOffset GeneratedAt,
    DateTimeOffset AsOf,
    IReadOnlyList<RecommendationRow> Recommendations,
    ReportSummary Summary)
{
    public static RecommendationReport From(DateTimeOffset generatedAt, DateTimeOffset asOf, IEnumerable<Recommendation> recommendations)
    {
        IReadOnlyList<RecommendationRow> rows = [.. recommendations.Select(RecommendationRow.From)];
        return new(generatedAt, asOf, rows, ReportSummary.Of(rows));
    }
}
