using RightSizer.Api.Units;
using RightSizer.Testing.KubeApi.Semantics.Pods;

namespace RightSizer.Testing.Tests.KubeApi.Semantics.Pods;

public sealed class ResizeFitTests
{
    private static readonly TestCaseData[] Cases =
    [
        new TestCaseData("300Mi", "512Mi", "1Gi", null, "").SetName("Decide_FitsBesideOthers_Allocated"),
        new TestCaseData("512Mi", "512Mi", "1Gi", null, "").SetName("Decide_FillsNodeExactly_Allocated"),
        new TestCaseData("600Mi", "512Mi", "1Gi", "Deferred",
            "Node didn't have enough resource: memory, requested: 629145600, used: 536870912, capacity: 1073741824").SetName("Decide_ExceedsFreeMemory_Deferred"),
        new TestCaseData("1Gi", "0", "1Gi", null, "").SetName("Decide_WholeNodeAlone_Allocated"),
        new TestCaseData("2Gi", "0", "1Gi", "Infeasible",
            "Node didn't have enough capacity: memory, requested: 2147483648, capacity: 1073741824").SetName("Decide_BeyondAllocatable_Infeasible"),
        new TestCaseData("2Gi", "512Mi", "1Gi", "Infeasible",
            "Node didn't have enough capacity: memory, requested: 2147483648, capacity: 1073741824").SetName("Decide_BeyondAllocatableAndFree_InfeasibleWins"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Decide(string requested, string allocatedToOthers, string allocatable, string? reason, string message)
    {
        var verdict = ResizeFit.Decide(Memory.Parse(requested), Memory.Parse(allocatedToOthers), Memory.Parse(allocatable));

        Assert.That(verdict, Is.EqualTo(new ResizeVerdict(reason, message)));
    }
}
