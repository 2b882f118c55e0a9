using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Updater;

namespace RightSizer.Operator.Tests.Updater;

public sealed class UpdatePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ServerCapabilities V135 = new(1, 35);
    private static readonly ServerCapabilities V133 = new(1, 33);
    private static readonly ServerCapabilities V132 = new(1, 32);
    private static readonly ContainerTarget Target = new("app", Memory.FromMiB(512), Memory.FromMiB(1024), QosClass.Burstable);

    // Each row: a situation and the action and reason expected for the pod "web-a" (the oldest, most drifted).
    private static readonly TestCaseData[] Rows =
    [
        Row("Plan_ModeOff_NothingPlanned", Input(mode: PolicyMode.Off), null, null),
        Row("Plan_ModeInitial_NothingPlanned", Input(mode: PolicyMode.Initial), null, null),
        Row("Plan_WithinMinChange_InSync", Input(pods: [Pod("web-a", 500, 1000)]), UpdateAction.None, UpdateReasons.InSync),
        Row("Plan_Drifted_Evicts", Input(), UpdateAction.Evict, UpdateReasons.Drifted),
        Row("Plan_NoRequestYet_Evicts", Input(pods: [Pod("web-a", null, null), Pod("web-b", 512, 1024)]), UpdateAction.Evict, UpdateReasons.Drifted),
        Row("Plan_NoController_Left", Input(pods: [Pod("web-a", 256, 512) with { HasController = false }, Pod("web-b", 512, 1024)]), UpdateAction.None, UpdateReasons.NoController),
        Row("Plan_RollingOut_Left", Input(workload: new WorkloadSnapshot("web", 2, RollingOut: true)), UpdateAction.None, UpdateReasons.RollingOut),
        Row("Plan_SingleReplica_Left", Input(workload: new WorkloadSnapshot("web", 1, false), pods: [Pod("web-a", 256, 512)]), UpdateAction.None, UpdateReasons.SingleReplica),
        Row("Plan_ReplacementWouldNotFitQuota_Left", Input(blocked: "quota mem: limits.memory 2Gi used 1536Mi"), UpdateAction.None, UpdateReasons.ReplacementWouldNotFit),
        Row("Plan_ReplacementNotReady_Waits", Input(pods: [Pod("web-a", 256, 512), Pod("web-b", 256, 512) with { Ready = false }]), UpdateAction.None, UpdateReasons.WaitingForReady),
        Row("Plan_NewestPodWithinCooldown_Waits", Input(pods: [Pod("web-a", 256, 512), Pod("web-b", 256, 512, age: TimeSpan.FromMinutes(10))]), UpdateAction.None, UpdateReasons.Cooldown),
        Row("Plan_InPlaceOn135_Resizes", Input(mode: PolicyMode.InPlace, server: V135), UpdateAction.Resize, UpdateReasons.Drifted),
        Row("Plan_InPlaceOn132_EvictsInstead", Input(mode: PolicyMode.InPlace, server: V132), UpdateAction.Evict, UpdateReasons.ResizeUnsupported),
        Row("Plan_InPlaceInfeasible_EvictsInstead", Input(mode: PolicyMode.InPlace, server: V135, pods: [Pod("web-a", 256, 512) with { Resize = ResizeStatus.Infeasible }, Pod("web-b", 512, 1024)]), UpdateAction.Evict, UpdateReasons.ResizeInfeasible),
        Row("Plan_InPlaceDeferred_Waits", Input(mode: PolicyMode.InPlace, server: V135, pods: [Pod("web-a", 256, 512) with { Resize = ResizeStatus.Deferred }, Pod("web-b", 512, 1024)]), UpdateAction.None, UpdateReasons.ResizeDeferred),
        Row("Plan_InPlaceInProgress_Waits", Input(mode: PolicyMode.InPlace, server: V135, pods: [Pod("web-a", 256, 512) with { Resize = ResizeStatus.InProgress }, Pod("web-b", 512, 1024)]), UpdateAction.None, UpdateReasons.ResizeInProgress),
        Row("Plan_InPlaceQosWouldChange_EvictsInstead", Input(mode: PolicyMode.InPlace, server: V135, targets: [Target with { QosClass = QosClass.Guaranteed }]), UpdateAction.Evict, UpdateReasons.QosClassWouldChange),
        Row("Plan_InPlaceLimitDecreaseOn133_EvictsInstead", Input(mode: PolicyMode.InPlace, server: V133, pods: [Pod("web-a", 2048, 4096), Pod("web-b", 512, 1024)]), UpdateAction.Evict, UpdateReasons.LimitDecreaseNeedsRestart),
        Row("Plan_InPlaceLimitDecreaseOn133WithRestartPolicy_Resizes", Input(mode: PolicyMode.InPlace, server: V133, pods: [Pod("web-a", 2048, 4096, restart: true), Pod("web-b", 512, 1024)]), UpdateAction.Resize, UpdateReasons.Drifted),
        Row("Plan_InPlaceLimitDecreaseOn134_Resizes", Input(mode: PolicyMode.InPlace, server: new ServerCapabilities(1, 34), pods: [Pod("web-a", 2048, 4096), Pod("web-b", 512, 1024)]), UpdateAction.Resize, UpdateReasons.Drifted),
        Row("Plan_InPlaceHeapSizedWithoutRestart_EvictsInstead", Input(mode: PolicyMode.InPlace, server: V135, targets: [Target with { HeapSized = true }]), UpdateAction.Evict, UpdateReasons.HeapNeedsRestart),
        Row("Plan_InPlaceHeapSizedWithRestart_Resizes", Input(mode: PolicyMode.InPlace, server: V135, targets: [Target with { HeapSized = true }], pods: [Pod("web-a", 256, 512, restart: true), Pod("web-b", 512, 1024)]), UpdateAction.Resize, UpdateReasons.Drifted),
    ];

    [TestCaseSource(nameof(Rows))]
    public void Plan_Situation_DecisionForOldestPod(UpdatePlanInput input, UpdateAction? action, string? reason)
    {
        var plan = UpdatePlanner.Plan(input);

        var decision = plan.Decisions.FirstOrDefault(d => d.Pod == "web-a");
        if (action is null)
        {
            Assert.That(plan.Decisions, Is.Empty);
            return;
        }

        Assert.That(decision, Is.Not.Null);
        Assert.That((decision!.Action, decision.Reason), Is.EqualTo((action.Value, reason)), decision.Message);
    }

    [Test]
    public void Plan_ThreeDrifted_EvictsOneAtATimeOomKilledFirst()
    {
        var input = Input(
            workload: new WorkloadSnapshot("web", 3, false),
            pods:
            [
                Pod("web-a", 256, 512),
                Pod("web-b", 400, 800) with { Containers = [new ContainerState("app", Memory.FromMiB(400), Memory.FromMiB(800), OomKilledAtLimit: Memory.FromMiB(800))] },
                Pod("web-c", 300, 600),
            ]);

        var plan = UpdatePlanner.Plan(input);

        Assert.That(plan.Actions.Select(a => (a.Pod, a.Action)), Is.EqualTo(new[] { ("web-b", UpdateAction.Evict) }));
        Assert.That(plan.Decisions.Where(d => d.Action == UpdateAction.None).Select(d => d.Reason), Has.All.EqualTo(UpdateReasons.MaxUnavailable));
        Assert.That(plan.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)), "looks again for the replacement's readiness");
    }

    [Test]
    public void Plan_MaxUnavailableTwoAndNoCooldown_EvictsLargestDriftFirst()
    {
        var input = Input(
            workload: new WorkloadSnapshot("web", 4, false),
            cooldown: TimeSpan.Zero,
            maxUnavailable: "50%",
            pods: [Pod("web-a", 450, 900), Pod("web-b", 128, 256), Pod("web-c", 256, 512), Pod("web-d", 512, 1024)]);

        var plan = UpdatePlanner.Plan(input);

        Assert.That(plan.Actions.Select(a => a.Pod), Is.EqualTo(new[] { "web-b", "web-c" }));
        Assert.That(plan.Decisions.Single(d => d.Pod == "web-a").Reason, Is.EqualTo(UpdateReasons.MaxUnavailable));
    }

    [TestCase("1", 10, ExpectedResult = 1)]
    [TestCase("3", 10, ExpectedResult = 3)]
    [TestCase("25%", 10, ExpectedResult = 2)]
    [TestCase("10%", 3, ExpectedResult = 1)]
    [TestCase("0", 3, ExpectedResult = 1)]
    public int MaxUnavailable_Value_CountAtLeastOne(string text, int desired) => UpdatePlanner.MaxUnavailable(text, desired);

    private static TestCaseData Row(string name, UpdatePlanInput input, UpdateAction? action, string? reason) =>
        new TestCaseData(input, action, reason).SetName(name);

    private static PodSnapshot Pod(string name, double? requestMiB, double? limitMiB, TimeSpan? age = null, bool restart = false) =>
        new(name, Ready: true, HasController: true, QosClass.Burstable, Now - (age ?? TimeSpan.FromDays(name == "web-a" ? 3 : 2)),
            [new ContainerState("app", requestMiB is { } r ? Memory.FromMiB(r) : null, limitMiB is { } l ? Memory.FromMiB(l) : null, restart)]);

    private static UpdatePlanInput Input(
        PolicyMode mode = PolicyMode.Recreate,
        WorkloadSnapshot? workload = null,
        IReadOnlyList<PodSnapshot>? pods = null,
        IReadOnlyList<ContainerTarget>? targets = null,
        ServerCapabilities? server = null,
        string? blocked = null,
        TimeSpan? cooldown = null,
        string maxUnavailable = "1") =>
        new(
            new UpdateSettings(mode, 0.1, maxUnavailable, cooldown ?? TimeSpan.FromHours(1)),
            workload ?? new WorkloadSnapshot("web", 2, false),
            pods ?? [Pod("web-a", 256, 512), Pod("web-b", 512, 1024)],
            targets ?? [Target],
            server ?? V135,
            Now,
            blocked);
}
