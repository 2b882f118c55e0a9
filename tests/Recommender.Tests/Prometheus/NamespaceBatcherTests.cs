using RightSizer.Recommender.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

public sealed class NamespaceBatcherTests
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData(new Dictionary<string, int> { ["a"] = 10 }, 100, new[] { "a" }).SetName("Batch_OneNamespace_OneBatch"),
        new TestCaseData(new Dictionary<string, int> { ["a"] = 60, ["b"] = 50, ["c"] = 40 }, 100, new[] { "a,c", "b" }).SetName("Batch_ThreeNamespaces_FirstFitLargestFirst"),
        new TestCaseData(new Dictionary<string, int> { ["big"] = 500, ["s"] = 1 }, 100, new[] { "big", "s" }).SetName("Batch_NamespaceOverBudget_OwnBatch"),
        new TestCaseData(Enumerable.Range(0, 300).ToDictionary(i => $"ns{i:D3}", _ => 1), 100, new[] { "100", "100", "100" }).SetName("Batch_ManySmallNamespaces_RequestsGrowWithSeriesNotNamespaces"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Batch_SeriesCounts_PackedWithinBudget(Dictionary<string, int> counts, int budget, string[] expected)
    {
        var batches = NamespaceBatcher.Batch(counts, budget);

        var described = batches.Select(batch => batch.Count == 100 ? "100" : string.Join(',', batch)).ToArray();
        Assert.That(described, Is.EqualTo(expected));
        Assert.That(batches.SelectMany(batch => batch).Order(), Is.EqualTo(counts.Keys.Order()), "every namespace exactly once");
    }
}
