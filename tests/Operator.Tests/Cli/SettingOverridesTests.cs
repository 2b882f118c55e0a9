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
        new TestCaseData("requestPercentile=500", "--set 'requestPercentile=500': requestPercentile must be in (0, 100]").SetName("Apply_RequestPercentile500_OneLineErrorNamingTheSetting"),
        new TestCaseData("limitPercentile=0", "--set 'limitPercentile=0': limitPercentile must be in (0, 100]").SetName("Apply_LimitPercentileZero_OutOfRange"),
        new TestCaseData("requestMargin=11", "--set 'requestMargin=11': requestMargin must be in [0, 10]").SetName("Apply_MarginAboveTen_OutOfRange"),
        new TestCaseData("minSamples=0", "--set 'minSamples=0': minSamples must be an integer >= 1").SetName("Apply_MinSamplesZero_OutOfRange"),
        new TestCaseData("minSamples=2.5", "--set 'minSamples=2.5': minSamples must be an integer >= 1").SetName("Apply_MinSamplesFraction_Rejected"),
        new TestCaseData("historyWindow=30m", "--set 'historyWindow=30m': historyWindow must be at least 1h").SetName("Apply_WindowShorterThanOneHour_Rejected"),
        new TestCaseData("limitHeadroomScale=-1", "--set 'limitHeadroomScale=-1': limitHeadroomScale must not be negative").SetName("Apply_NegativeScale_Rejected"),
        new TestCaseData("colour=blue", "--set 'colour=blue': unknown setting; known: historyWindow").SetName("Apply_UnknownName_ListsKnown"),
    ];

    [TestCaseSource(nameof(BadCases))]
    public void Apply_BadAssignment_CliInputException(string assignment, string message) =>
        Assert.That(() => SettingOverrides.Apply(RecommendationSettings.Default, [assignment]), Throws.TypeOf<CliInputException>().With.Message.StartsWith(message));
}
