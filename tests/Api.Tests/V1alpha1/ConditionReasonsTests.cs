using System.Reflection;
using System.Text.RegularExpressions;
using RightSizer.Api.V1alpha1;

namespace RightSizer.Api.Tests.V1alpha1;

public sealed partial class ConditionReasonsTests
{
    private static readonly string[] Reasons =
        [.. typeof(ConditionReasons).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)];

    // metav1.Condition's validation of reason (k8s.io/apimachinery/pkg/apis/meta/v1/types.go).
    [GeneratedRegex("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")]
    private static partial Regex ConditionReason();

    [Test]
    public void Reasons_Every_ValidConditionReasonAndUnique() =>
        Assert.Multiple(() =>
        {
            Assert.That(Reasons, Has.Length.GreaterThanOrEqualTo(8));
            Assert.That(Reasons, Has.All.Matches(ConditionReason()));
            Assert.That(Reasons, Is.Unique);
        });

    [Test]
    public void Reasons_SharedWithRecommendations_AreTheReasonCodesNames() =>
        Assert.That(
            Reasons.Where(r => Enum.IsDefined(typeof(ReasonCode), r)),
            Is.EquivalentTo(new[] { nameof(ReasonCode.InsufficientHistory), nameof(ReasonCode.ContainerModeOff) }));

    [Test]
    public void ReasonCodes_Every_ValidConditionReason() =>
        Assert.That(Enum.GetNames<ReasonCode>(), Has.All.Matches(ConditionReason()), "a code may become a condition's reason");
}
