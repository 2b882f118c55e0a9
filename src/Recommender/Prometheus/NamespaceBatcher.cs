namespace RightSizer.Recommender.Prometheus;

/// <summary>Packs namespaces into batches of at most a series budget each (first fit, largest first).</summary>
public static class NamespaceBatcher
{
    /// <summary>
    /// Batches whose series counts sum to at most <paramref name="seriesBudget"/>; a namespace larger than the budget
    /// gets a batch of its own. Namespaces inside a batch are sorted so the same input yields the same queries.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Batch(IReadOnlyDictionary<string, int> seriesByNamespace, int seriesBudget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seriesBudget, 1);
        var batches = new List<(List<string> Namespaces, int Series)>();
        var largestFirst = seriesByNamespace
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal);
        foreach (var (name, series) in largestFirst)
        {
            var index = batches.FindIndex(batch => batch.Series + series <= seriesBudget);
            if (index < 0)
            {
                batches.Add(([name], series));
            }
            else
            {
                batches[index].Namespaces.Add(name);
                batches[index] = (batches[index].Namespaces, batches[index].Series + series);
            }
        }

        return [.. batches.Select(batch => (IReadOnlyList<string>)[.. batch.Namespaces.Order(StringComparer.Ordinal)])];
    }
}
