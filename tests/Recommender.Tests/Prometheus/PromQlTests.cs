using RightSizer.Recommender.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

public sealed class PromQlTests
{
    private static readonly TestCaseData[] QuoteCases =
    [
        new TestCaseData("web-7d9f8c6b5-x2x9z", "\"web-7d9f8c6b5-x2x9z\"").SetName("Quote_PlainName_Unchanged"),
        new TestCaseData("a\"b", "\"a\\\"b\"").SetName("Quote_DoubleQuote_Escaped"),
        new TestCaseData(@"a\b", "\"a\\\\b\"").SetName("Quote_Backslash_Doubled"),
        new TestCaseData("a\nb", "\"a\\nb\"").SetName("Quote_Newline_EscapedAsBackslashN"),
        new TestCaseData("a\rb", "\"a\\rb\"").SetName("Quote_CarriageReturn_EscapedAsBackslashR"),
        new TestCaseData("\"}", "\"\\\"}\"").SetName("Quote_QuoteBrace_CannotCloseSelector"),
        new TestCaseData("\"} or vector(1) #", "\"\\\"} or vector(1) #\"").SetName("Quote_OrVectorInjection_StaysInsideLiteral"),
        new TestCaseData("\\\"", "\"\\\\\\\"\"").SetName("Quote_BackslashThenQuote_BothEscaped"),
        new TestCaseData("grüße-日本", "\"grüße-日本\"").SetName("Quote_Unicode_PassedThrough"),
        new TestCaseData(string.Empty, "\"\"").SetName("Quote_Empty_EmptyLiteral"),
    ];

    private static readonly TestCaseData[] RegexCases =
    [
        new TestCaseData(new[] { "shop" }, "\"shop\"").SetName("QuoteAlternation_OneName_Literal"),
        new TestCaseData(new[] { "b", "a", "a" }, "\"a|b\"").SetName("QuoteAlternation_Duplicates_SortedAndDistinct"),
        new TestCaseData(new[] { "a.b" }, "\"a\\\\.b\"").SetName("QuoteAlternation_Dot_RegexEscapedThenPromQlEscaped"),
        new TestCaseData(new[] { "x|y" }, "\"x\\\\|y\"").SetName("QuoteAlternation_PipeInName_NotAnAlternative"),
        new TestCaseData(new[] { ".+" }, "\"\\\\.\\\\+\"").SetName("QuoteAlternation_MatchAll_Escaped"),
        new TestCaseData(new[] { "x\"} or up{job=~\".+" }, "\"x\\\"\\\\} or up\\\\{job=~\\\"\\\\.\\\\+\"").SetName("QuoteAlternation_Injection_EscapedTwice"),
        new TestCaseData(new[] { @"a\d" }, "\"a\\\\\\\\d\"").SetName("QuoteAlternation_Backslash_EscapedTwice"),
        new TestCaseData(new[] { "^(a)[b]{c}$*?" }, "\"\\\\^\\\\(a\\\\)\\\\[b\\\\]\\\\{c\\\\}\\\\$\\\\*\\\\?\"").SetName("QuoteAlternation_AllMetacharacters_Escaped"),
    ];

    [TestCaseSource(nameof(QuoteCases))]
    public void Quote_Value_ProducesPromQlLiteral(string value, string expected) =>
        Assert.That(PromQl.Quote(value), Is.EqualTo(expected));

    [TestCaseSource(nameof(RegexCases))]
    public void QuoteAlternation_Values_MatchOnlyThemselves(string[] values, string expected) =>
        Assert.That(PromQl.QuoteAlternation(values), Is.EqualTo(expected));

    [TestCase("app", "label_app")]
    [TestCase("app.kubernetes.io/name", "label_app_kubernetes_io_name")]
    [TestCase("tier-2", "label_tier_2")]
    public void KubeStateMetricsLabel_PodLabelKey_SanitizedLikeKubeStateMetrics(string key, string expected) =>
        Assert.That(PromQl.KubeStateMetricsLabel(key), Is.EqualTo(expected));

    [Test]
    public void OneOf_NoValues_Throws() =>
        Assert.That(() => PromQl.OneOf("namespace", []), Throws.ArgumentException.With.Message.Contains("namespace"));

    [Test]
    public void OneOf_SeveralValues_RegexMatcher() =>
        Assert.That(PromQl.OneOf("namespace", ["b", "a"]), Is.EqualTo("namespace=~\"a|b\""));
}
