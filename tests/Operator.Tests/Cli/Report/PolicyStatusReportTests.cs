using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Cli.Report;
using RightSizer.Operator.Export;

namespace RightSizer.Operator.Tests.Cli.Report;

public sealed class PolicyStatusReportTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void From_TargetedAndSelectorPolicies_OneEntryPerContainerSorted()
    {
        StoredPolicy[] policies =
        [
            new("shop", "web", "Deployment", "web",
            [
                new V1alpha1ContainerRecommendation { ContainerName = "app", Request = "300Mi", Limit = "600Mi", QosClass = QosClass.Burstable, Confidence = 0.9, OomKills = 2, WindowCovered = "14d" },
            ]),
            new("batch", "pods", null, null, [new V1alpha1ContainerRecommendation { ContainerName = "worker", Reasons = ["too few samples"] }]),
        ];

        var entries = PolicyStatusReport.From(policies, null, AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => $"{e.Namespace} {e.Workload} {e.Container}"), Is.EqualTo(new[] { "batch MemoryPolicy/pods worker", "shop Deployment/web app" }));
            var web = entries[1];
            Assert.That((web.Request, web.Limit), Is.EqualTo(((Memory?)Memory.FromMiB(300), (Memory?)Memory.FromMiB(600))));
            Assert.That((web.QosAfter, web.Confidence, web.OomKills), Is.EqualTo(((QosClass?)QosClass.Burstable, 0.9, 2)));
            Assert.That(web.To - web.From, Is.EqualTo((long)TimeSpan.FromDays(14).TotalSeconds), "the chart spans the window covered");
            Assert.That(web.Usage, Is.Empty);
            Assert.That(entries[0].Request, Is.Null);
            Assert.That(entries[0].Reasons, Is.EqualTo(new[] { "too few samples" }));
        });
    }
}
