using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Cli;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Tests.Cli;

public sealed class SettingOverridesTests
{
    [Test]
    public void Apply_SeasonalityAndScale_BothSet()
    {
        var settings = SettingOverrides.Apply(RecommendationSettings.Default, ["seasonality=Weekly", "limitHeadroomScale=14"]);

        Assert.Multiple(() =>
        {
            Assert.That(settings.Seasonality, Is.EqualTo(Seasonality.Weekly));
            Assert.That(settings.LimitHeadroomScale, Is.EqualTo(14));
            Assert.That(settings with { Seasonality = Seasonality.None, LimitHeadroomScale = RecommendationSettings.Default.LimitHeadroomScale }, Is.EqualTo(RecommendationSettings.Default), "nothing else changes");
        });
    }

    // Each row: one bad assignment and the start of its message.
    private static readonly TestCaseData[] BadCases =
    [
        new TestCaseData("seasonality=Monthly", "--set 'seasonality=Monthly': one of None, Weekly").SetName("Apply_UnknownSeasonality_ListsValues"),
        new TestCaseData("limitStrategy=Max", "--set 'limitStrategy=Max': one of Peak, Percentile, None").SetName("Apply_UnknownLimitStrategy_ListsValues"),
        new TestCaseData("limitStrategy=1", "--set 'limitStrategy=1': one of Peak, Percentile, None").SetName("Apply_EnumByNumber_Rejected"),
        new TestCaseData("halfLife=soon", "--set 'halfLife=soon':").SetName("Apply_BadDuration_NamesAssignment"),
        new TestCaseData("requestPercentile=NaN", "--set 'requestPercentile=NaN': 'NaN' is not a number").SetName("Apply_NotFinite_Rejected"),
        new TestCaseData("headroom", "--set 'headroom': expected name=value").SetName("Apply_NoEquals_Rejected"),
        new TestCaseData("colour=blue", "--set 'colour=blue': unknown setting; known: historyWindow").SetName("Apply_UnknownName_ListsKnown"),
    ];

    [TestCaseSource(nameof(BadCases))]
    public void Apply_BadAssignment_CliInputException(string assignment, string message) =>
        Assert.That(() => SettingOverrides.Apply(RecommendationSettings.Default, [assignment]), Throws.TypeOf<CliInputException>().With.Message.StartsWith(message));
}
