using k8s;
using k8s.Models;
using RightSizer.Api.Units;
using RightSizer.Operator.Updater;

namespace RightSizer.Operator.Tests.Updater;

public sealed class PodSnapshotsTests
{
    private static V1Pod Pod(string spec, string status, string conditions = "[]") => KubernetesJson.Deserialize<V1Pod>($$$"""
        {"metadata":{"name":"web-a","creationTimestamp":"2026-12-01T10:00:00Z"},
         "spec":{"containers":[{"name":"app","image":"app:1","resources":{{{spec}}}}]},
         "status":{"qosClass":"Burstable","conditions":{{{conditions}}},"containerStatuses":[{"name":"app","ready":true,"restartCount":0,"image":"app:1","imageID":"","started":true{{{status}}}} ]}}
        """);

    private const string Desired = """{"requests":{"memory":"512Mi"},"limits":{"memory":"1Gi"}}""";

    private static readonly TestCaseData[] Rows =
    [
        new TestCaseData(Pod(Desired, ""), 512, 1024, ResizeStatus.None).SetName("From_NoStatusResources_SpecValues"),
        new TestCaseData(Pod(Desired, ""","resources":{"requests":{"memory":"512Mi"},"limits":{"memory":"1Gi"}}"""), 512, 1024, ResizeStatus.None).SetName("From_Actuated_SameValues"),
        new TestCaseData(
            Pod(Desired, ""","resources":{"requests":{"memory":"256Mi"},"limits":{"memory":"512Mi"}}""",
                """[{"type":"PodResizePending","status":"True","reason":"Infeasible","message":"Node didn't have enough capacity"}]"""),
            256, 512, ResizeStatus.Infeasible).SetName("From_InfeasibleResize_RunningValuesNotTheDesiredSpec"),
        new TestCaseData(
            Pod(Desired, ""","resources":{"requests":{"memory":"256Mi"},"limits":{"memory":"512Mi"}}""",
                """[{"type":"PodResizePending","status":"True","reason":"Deferred"}]"""),
            256, 512, ResizeStatus.Deferred).SetName("From_DeferredResize_RunningValues"),
        new TestCaseData(
            Pod(Desired, ""","allocatedResources":{"memory":"512Mi"},"resources":{"requests":{"memory":"256Mi"},"limits":{"memory":"512Mi"}}""",
                """[{"type":"PodResizeInProgress","status":"True"}]"""),
            256, 512, ResizeStatus.InProgress).SetName("From_ResizeInProgress_RunningValues"),
    ];

    [TestCaseSource(nameof(Rows))]
    public void From(V1Pod pod, int requestMiB, int limitMiB, ResizeStatus resize)
    {
        var snapshot = PodSnapshots.From(pod);

        var container = snapshot.Containers.Single();
        Assert.That((container.Request, container.Limit, snapshot.Resize), Is.EqualTo(((Memory?)Memory.FromMiB(requestMiB), (Memory?)Memory.FromMiB(limitMiB), resize)));
    }
}
