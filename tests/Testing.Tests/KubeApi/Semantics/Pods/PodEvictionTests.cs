using System.Text.Json.Nodes;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Semantics.Pods;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Pods;

public sealed class PodEvictionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 22, 0, 0, TimeSpan.Zero);

    private static JsonObject Pod(string phase = "Running", bool ready = true)
    {
        var pod = JsonNode.Parse("""
            {"metadata":{"name":"web-1","namespace":"default","labels":{"app":"web"}},
             "status":{"conditions":[{"type":"Ready"}]}}
            """)!.AsObject();
        pod["status"]!["phase"] = phase;
        pod["status"]!["conditions"]![0]!["status"] = ready ? "True" : "False";
        return pod;
    }

    private static JsonObject Budget(string name, int allowed, string selector = """{"matchLabels":{"app":"web"}}""", int generation = 1, int observed = 1) => JsonNode.Parse($$$"""
        {"metadata":{"name":"{{{name}}}","generation":{{{generation}}}},"spec":{"selector":{{{selector}}}},
         "status":{"observedGeneration":{{{observed}}},"disruptionsAllowed":{{{allowed}}},"currentHealthy":2,"desiredHealthy":2}}
        """)!.AsObject();

    [Test]
    public void Decide_NoDisruptionsLeft_429WithTheRealBody()
    {
        var decision = PodEviction.Decide(Pod(), [Budget("web-pdb", 0)], Now, dryRun: false);

        Assert.Multiple(() =>
        {
            Assert.That(decision.DeletePod, Is.False);
            Assert.That(decision.Status.ToJson().ToJsonString(GoJson.Options), Is.EqualTo(
                """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Cannot evict pod as it would violate the pod's disruption budget.","reason":"TooManyRequests","details":{"causes":[{"reason":"DisruptionBudget","message":"The disruption budget web-pdb needs 2 healthy pods and has 2 currently"}]},"code":429}"""));
        });
    }

    [Test]
    public void Decide_DisruptionAllowed_201AndBudgetSpent()
    {
        var decision = PodEviction.Decide(Pod(), [Budget("web-pdb", 1)], Now, dryRun: false);

        Assert.Multiple(() =>
        {
            Assert.That(decision.DeletePod, Is.True);
            Assert.That(decision.Status.ToJson().ToJsonString(), Is.EqualTo("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":201}"""));
            Assert.That(decision.UpdatedBudget!["status"]!["disruptionsAllowed"]!.ToJsonString(), Is.EqualTo("0"));
            Assert.That(decision.UpdatedBudget!["status"]!["disruptedPods"]!["web-1"]!.GetValue<string>(), Is.EqualTo("2026-12-01T22:00:00Z"));
        });
    }

    [Test]
    public void Decide_DryRun_NoBudgetWrite()
    {
        Assert.That(PodEviction.Decide(Pod(), [Budget("web-pdb", 1)], Now, dryRun: true).UpdatedBudget, Is.Null);
    }

    private static readonly TestCaseData[] Bypasses =
    [
        new TestCaseData("Succeeded").SetName("Decide_SucceededPod_DeletedWithoutBudgetCheck"),
        new TestCaseData("Failed").SetName("Decide_FailedPod_DeletedWithoutBudgetCheck"),
        new TestCaseData("Pending").SetName("Decide_PendingPod_DeletedWithoutBudgetCheck"),
    ];

    [TestCaseSource(nameof(Bypasses))]
    public void Decide_Bypass_Table(string phase)
    {
        var decision = PodEviction.Decide(Pod(phase), [Budget("web-pdb", 0)], Now, dryRun: false);

        Assert.That(decision.DeletePod, Is.True);
    }

    [Test]
    public void Decide_TwoMatchingBudgets_500()
    {
        var decision = PodEviction.Decide(Pod(), [Budget("a", 1), Budget("b", 1)], Now, dryRun: false);

        Assert.That(decision.Status.ToJson().ToJsonString(GoJson.Options), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.","code":500}"""));
    }

    [Test]
    public void Decide_EmptySelector_MatchesNothing()
    {
        Assert.That(PodEviction.Decide(Pod(), [Budget("all", 0, "{}")], Now, dryRun: false).DeletePod, Is.True);
    }

    [Test]
    public void Decide_BudgetNotYetObserved_429RetryAfter10()
    {
        var status = PodEviction.Decide(Pod(), [Budget("web-pdb", 1, generation: 2, observed: 1)], Now, dryRun: false).Status;

        Assert.Multiple(() =>
        {
            Assert.That(status.RetryAfterSeconds, Is.EqualTo(10));
            Assert.That(status.Causes[0].Message, Is.EqualTo("The disruption budget web-pdb is still being processed by the server."));
        });
    }

    [Test]
    public void Decide_UnreadyPodWithBudgetMet_DeletedWithoutSpending()
    {
        var decision = PodEviction.Decide(Pod(ready: false), [Budget("web-pdb", 0)], Now, dryRun: false);

        Assert.Multiple(() =>
        {
            Assert.That(decision.DeletePod, Is.True);
            Assert.That(decision.UpdatedBudget, Is.Null);
        });
    }

    [Test]
    public void Decide_NegativeAllowance_403()
    {
        var status = PodEviction.Decide(Pod(), [Budget("web-pdb", -1)], Now, dryRun: false).Status;

        Assert.That(status.Message, Is.EqualTo("poddisruptionbudget.policy \"web-pdb\" is forbidden: pdb disruptions allowed is negative"));
    }

    [Test]
    public void ValidateRequest_NameMismatch_400()
    {
        var status = PodEviction.ValidateRequest("web-1", JsonNode.Parse("""{"metadata":{"name":"web-2"}}""")!.AsObject());

        Assert.That(status?.Message, Is.EqualTo("name in URL does not match name in Eviction object"));
    }
}
