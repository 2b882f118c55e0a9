using k8s;
using k8s.Models;

namespace RightSizer.Operator.Runtime;

/// <summary>
/// A list read in pages of <see cref="PageSize"/> objects (limit and continue, as client-go's reflector reads it), each
/// page trimmed (<see cref="CachedObject.Trim"/>) as it arrives: in one response, every pod of a large cluster is held
/// whole, managedFields and all (several KB a pod), before the cache drops what it does not keep. The footprint
/// benchmark's pods carry no managedFields, and it measured the same RSS either way (docs/benchmarks.md).
/// </summary>
public static class PagedList
{
    /// <summary>Objects per page, client-go's default for a reflector's paginated list.</summary>
    public const int PageSize = 500;

    /// <summary>One page: the continue token of the previous page (null for the first) and the page size.</summary>
    public delegate Task<TList> PageCall<TList>(string? continueToken, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Every page's items and the first page's resource version, at which the API server serves all the pages. An
    /// expired continue token fails with 410 Gone, on which the watcher lists again from the start.
    /// </summary>
    public static async Task<(IReadOnlyList<T> Items, string ResourceVersion)> ReadAsync<T, TList>(PageCall<TList> page, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
        where TList : IItems<T>, IMetadata<V1ListMeta>
    {
        var items = new List<T>();
        string? continueToken = null;
        string? resourceVersion = null;
        do
        {
            var list = await page(continueToken, PageSize, cancellationToken).ConfigureAwait(false);
            items.AddRange(list.Items.Select(CachedObject.Trim));
            resourceVersion ??= list.Metadata?.ResourceVersion;
            continueToken = list.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(continueToken));

        return (items, resourceVersion ?? "0");
    }
}
