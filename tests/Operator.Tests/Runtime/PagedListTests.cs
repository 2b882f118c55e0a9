using k8s.Models;
using RightSizer.Operator.Runtime;

namespace RightSizer.Operator.Tests.Runtime;

public sealed class PagedListTests
{
    [Test]
    public async Task ReadAsync_TwoPages_FollowsTheContinueTokenAndTrimsEveryItem()
    {
        var asked = new List<(string? Continue, int Limit)>();
        var pages = new Dictionary<string, V1PodList>(StringComparer.Ordinal)
        {
            [string.Empty] = Page("7", "next", Pod("a"), Pod("b")),
            ["next"] = Page("9", null, Pod("c")),
        };

        var (items, resourceVersion) = await PagedList.ReadAsync<V1Pod, V1PodList>(
            (continueToken, limit, _) =>
            {
                asked.Add((continueToken, limit));
                return Task.FromResult(pages[continueToken ?? string.Empty]);
            },
            CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(asked, Is.EqualTo(new[] { ((string?)null, PagedList.PageSize), ("next", PagedList.PageSize) }));
            Assert.That(items.Select(p => p.Metadata.Name), Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(items.Select(p => p.Metadata.ManagedFields), Is.All.Null, "trimmed page by page, before the next page is read");
            Assert.That(resourceVersion, Is.EqualTo("7"), "the version every page is served at");
        });
    }

    private static V1PodList Page(string resourceVersion, string? continueToken, params V1Pod[] pods) =>
        new() { Metadata = new V1ListMeta { ResourceVersion = resourceVersion, ContinueProperty = continueToken }, Items = pods };

    private static V1Pod Pod(string name) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "team-a",
            ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl", Operation = "Apply" }],
        },
    };
}
