using RightSizer.Recommender.Sizing.PostProcessing;
using RightSizer.Testing;

namespace RightSizer.Recommender.Tests.Sizing.PostProcessing;

public sealed class PostProcessorChainTests
{
    [Test]
    public void Steps_InTheDocumentedOrder_BoundsLast() =>
        Assert.That(PostProcessorChain.Steps.Select(s => s.GetType()), Is.EqualTo(new[]
        {
            typeof(LimitAtLeastRequestPostProcessor),
            typeof(GuaranteedShapePostProcessor),
            typeof(HeapFitPostProcessor),
            typeof(ControlledValuesPostProcessor),
            typeof(WholeMiBPostProcessor),
            typeof(BoundsPostProcessor),
        }));

    [Test]
    public void Steps_RecommenderDoc_ListsTheChainInItsRealOrder()
    {
        var doc = File.ReadAllText(RepositoryRoot.File("docs", "recommender.md"));
        var positions = PostProcessorChain.Steps.Select(s => doc.IndexOf("`" + s.GetType().Name + "`", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(positions, Has.None.EqualTo(-1), "every step is named in docs/recommender.md");
            Assert.That(positions, Is.Ordered, "in the order the chain runs");
        });
    }
}
