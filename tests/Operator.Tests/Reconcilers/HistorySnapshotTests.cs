using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Reconcilers;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Tests.Reconcilers;

/// <summary>Which workloads a scan covered: the reconciler asks for a scan for any it did not.</summary>
public sealed class HistorySnapshotTests
{
    private static readonly HistorySnapshot Scanned = new(DateTimeOffset.UnixEpoch, TimeSpan.FromDays(14), new Dictionary<string, ContainerHistory>())
    {
        Workloads = new HashSet<(MemorySignal, string, string, string)> { (MemorySignal.WorkingSet, "shop", "Deployment", "web") },
    };

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(MemorySignal.WorkingSet, "shop", "web", true).SetName("Covers_WorkloadScanned_True");
        // A policy created after the scan waited a whole interval (an hour by default) with InsufficientHistory.
        yield return new TestCaseData(MemorySignal.WorkingSet, "shop", "api", false).SetName("Covers_WorkloadNewSinceTheScan_False");
        yield return new TestCaseData(MemorySignal.WorkingSet, "other", "web", false).SetName("Covers_SameNameOtherNamespace_False");
        yield return new TestCaseData(MemorySignal.RSS, "shop", "web", false).SetName("Covers_OtherSignal_False");
    }

    [TestCaseSource(nameof(Cases))]
    public void Covers(MemorySignal signal, string ns, string name, bool expected) =>
        Assert.That(Scanned.Covers(signal, ns, new WorkloadRef("Deployment", name)), Is.EqualTo(expected));
}
