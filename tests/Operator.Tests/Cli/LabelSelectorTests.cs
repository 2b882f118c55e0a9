using RightSizer.Operator.Cli;
using RightSizer.Recommender.History;

namespace RightSizer.Operator.Tests.Cli;

public sealed class LabelSelectorTests
{
    [Test]
    public void Parse_SameKeyTwiceKeptOnlyTheLastTerm_BothKeptAndAnded() =>
        Assert.That(LabelSelector.Parse("app=web,app=evil"), Is.EqualTo(new[] { new LabelRequirement("app", "web"), new LabelRequirement("app", "evil") }));

    [Test]
    public void Parse_DoubleEquals_SameAsEquals() =>
        Assert.That(LabelSelector.Parse("app==web, tier=api"), Is.EqualTo(new[] { new LabelRequirement("app", "web"), new LabelRequirement("tier", "api") }));

    [TestCase("app!=web")]
    [TestCase("app")]
    [TestCase("=web")]
    [TestCase("app=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [TestCase(" ")]
    public void Parse_Invalid_InputError(string text) =>
        Assert.That(() => LabelSelector.Parse(text), Throws.TypeOf<CliInputException>().With.Message.StartsWith("--selector '"));
}
