using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Export;

namespace RightSizer.Operator.Tests.Export;

public sealed class PolicyStatusProposalsTests
{
    [Test]
    public void From_TargetedPolicy_ProposalWithStatusEvidence()
    {
        var policy = new StoredPolicy("shop", "web", "Deployment", "web",
        [
            new V1alpha1ContainerRecommendation
            {
                ContainerName = "app", Request = "300Mi", Limit = "600Mi", Samples = 4032, WindowCovered = "14d", Confidence = 0.9, OomKills = 1,
                Heap = new V1alpha1HeapSettings { Env = new Dictionary<string, string> { ["JAVA_TOOL_OPTIONS"] = "-Xmx400m" } },
            },
        ]);

        var (proposals, skipped) = PolicyStatusProposals.From([policy]);

        Assert.Multiple(() =>
        {
            Assert.That(skipped, Is.Empty);
            var proposal = proposals.Single();
            Assert.That(proposal.Workload, Is.EqualTo(new WorkloadRef("shop", "Deployment", "web")));
            Assert.That((proposal.Container, proposal.Request, proposal.Limit), Is.EqualTo(("app", Memory.FromMiB(300), (Memory?)Memory.FromMiB(600))));
            Assert.That(proposal.Evidence.WindowCovered, Is.EqualTo(TimeSpan.FromDays(14)));
            Assert.That((proposal.Evidence.Samples, proposal.Evidence.Confidence, proposal.Evidence.OomKills), Is.EqualTo(((long?)4032, (double?)0.9, (int?)1)));
            Assert.That(proposal.Evidence.Peak, Is.Null, "the status carries no peak");
            Assert.That(proposal.HeapEnv, Is.EqualTo(new[] { KeyValuePair.Create("JAVA_TOOL_OPTIONS", "-Xmx400m") }));
        });
    }

    private static readonly TestCaseData[] Skipped =
    [
        new TestCaseData(new StoredPolicy("shop", "pods", null, null, []), "MemoryPolicy shop/pods: a selector policy names no single workload to patch").SetName("From_SelectorPolicy_Skipped"),
        new TestCaseData(new StoredPolicy("shop", "job", "Job", "nightly", []), "MemoryPolicy shop/job: Job nightly is not patchable (one of CronJob, DaemonSet, Deployment, StatefulSet)").SetName("From_JobTarget_Skipped"),
        new TestCaseData(new StoredPolicy("shop", "new", "Deployment", "web", []), "MemoryPolicy shop/new: no recommendation in its status yet").SetName("From_NoStatusYet_Skipped"),
        new TestCaseData(new StoredPolicy("shop", "web", "Deployment", "web", [new V1alpha1ContainerRecommendation { ContainerName = "app", Reasons = ["too few samples"] }]), "MemoryPolicy shop/web: container app: not sized (too few samples)").SetName("From_ContainerNotSized_Skipped"),
    ];

    [TestCaseSource(nameof(Skipped))]
    public void From_Unpatchable_SkippedWithReason(StoredPolicy policy, string reason)
    {
        var (proposals, skipped) = PolicyStatusProposals.From([policy]);

        Assert.That((proposals.Count, skipped.Single()), Is.EqualTo((0, reason)));
    }
}
