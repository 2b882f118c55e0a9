using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Reconcilers;

namespace RightSizer.Operator.Tests.Reconcilers;

/// <summary>When a computed status counts as what is stored already, so that nothing is written.</summary>
public sealed class StatusWriterTests
{
    private static readonly V1alpha1MemoryPolicyStatus Empty = new();

    private static IEnumerable<TestCaseData> Pairs()
    {
        yield return new TestCaseData(null, null, true).SetName("Same_BothMissing_True");
        // A policy just created has no status: KubernetesJson.Serialize(null) threw, and no policy ever got one.
        yield return new TestCaseData(null, Empty, false).SetName("Same_NoStoredStatus_FalseSoTheFirstIsWritten");
        yield return new TestCaseData(Empty, null, false).SetName("Same_StatusToRemove_False");
        yield return new TestCaseData(new V1alpha1MemoryPolicyStatus { ObservedGeneration = 1 }, new V1alpha1MemoryPolicyStatus { ObservedGeneration = 1 }, true).SetName("Same_EqualCopies_True");
        yield return new TestCaseData(new V1alpha1MemoryPolicyStatus { ObservedGeneration = 1 }, new V1alpha1MemoryPolicyStatus { ObservedGeneration = 2 }, false).SetName("Same_GenerationMoved_False");
    }

    [TestCaseSource(nameof(Pairs))]
    public void Same(V1alpha1MemoryPolicyStatus? stored, V1alpha1MemoryPolicyStatus? computed, bool expected) =>
        Assert.That(StatusWriter.Same(stored, computed), Is.EqualTo(expected));
}
