using RightSizer.Webhooks.Validation;

namespace RightSizer.Webhooks.Tests.Validation;

/// <summary>Label syntax as apimachinery's IsQualifiedName and IsValidLabelValue define it.</summary>
public sealed class LabelSyntaxTests
{
    private static readonly TestCaseData[] Keys =
    [
        new TestCaseData("app", true).SetName("KeyProblem_PlainName_Valid"),
        new TestCaseData("app.kubernetes.io/name", true).SetName("KeyProblem_PrefixedName_Valid"),
        new TestCaseData("a_b-c.d", true).SetName("KeyProblem_InnerPunctuation_Valid"),
        new TestCaseData("bad key!", false).SetName("KeyProblem_SpaceAndBang_Invalid"),
        new TestCaseData("-app", false).SetName("KeyProblem_LeadingDash_Invalid"),
        new TestCaseData("", false).SetName("KeyProblem_Empty_Invalid"),
        new TestCaseData(new string('a', 64), false).SetName("KeyProblem_64CharacterName_Invalid"),
        new TestCaseData("Example.com/app", false).SetName("KeyProblem_UpperCasePrefix_Invalid"),
        new TestCaseData("/app", false).SetName("KeyProblem_EmptyPrefix_Invalid"),
    ];

    private static readonly TestCaseData[] Values =
    [
        new TestCaseData("", true).SetName("ValueProblem_Empty_Valid"),
        new TestCaseData("web-1.2_x", true).SetName("ValueProblem_Punctuated_Valid"),
        new TestCaseData(new string('a', 63), true).SetName("ValueProblem_63Characters_Valid"),
        new TestCaseData(new string('a', 71), false).SetName("ValueProblem_71Characters_Invalid"),
        new TestCaseData("not ok", false).SetName("ValueProblem_Space_Invalid"),
        new TestCaseData("web-", false).SetName("ValueProblem_TrailingDash_Invalid"),
    ];

    [TestCaseSource(nameof(Keys))]
    public void KeyProblem_Key_AsApimachinery(string key, bool valid) =>
        Assert.That(LabelSyntax.KeyProblem(key), valid ? Is.Null : Does.StartWith($"label key '{key}': "));

    [TestCaseSource(nameof(Values))]
    public void ValueProblem_Value_AsApimachinery(string value, bool valid) =>
        Assert.That(LabelSyntax.ValueProblem(value), valid ? Is.Null : Does.StartWith("label value '"));
}
