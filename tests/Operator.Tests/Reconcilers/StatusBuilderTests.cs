using RightSizer.Api.Units;
using RightSizer.Api.V1alpha1;
using RightSizer.Operator.Reconcilers;
using RightSizer.Recommender.Model;

namespace RightSizer.Operator.Tests.Reconcilers;

public sealed class StatusBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ScanTime = Now - TimeSpan.FromMinutes(5);

    private static readonly Recommendation App = new()
    {
        Series = SeriesKey.ForContainer("shop", "Deployment", "web", "app"),
        Request = Memory.FromMiB(512),
        Limit = Memory.FromMiB(1024),
        QosClass = QosClass.Burstable,
        Confidence = 0.874,
        Samples = 4000,
        WindowCovered = TimeSpan.FromDays(14),
    };

    private static readonly Recommendation Thin = new()
    {
        Series = SeriesKey.ForContainer("shop", "Deployment", "web", "sidecar"),
        Samples = 12,
        Reasons = [new Reason(ReasonCode.InsufficientHistory, "insufficient history: 12 samples < minSamples 288")],
    };

    // Each row: an input and the (status, reason) of Ready, TargetFound, HistoryAvailable, RecommendationReady.
    private static readonly TestCaseData[] Rows =
    [
        Row("Build_AllGood_Ready", Input(), ("True", "RecommendationsComputed"), ("True", "TargetResolved"), ("True", "HistoryFound"), ("True", "RecommendationsComputed")),
        Row("Build_TargetMissing_TargetFoundFalse", Input() with { TargetFound = false, TargetMessage = "Deployment web not found in namespace shop", Recommendations = null },
            ("False", "TargetNotFound"), ("False", "TargetNotFound"), ("Unknown", "TargetNotFound"), ("False", "TargetNotFound")),
        Row("Build_NoScanYet_Pending", Input() with { History = HistoryState.Pending, Recommendations = null, RecommendedAt = null },
            ("False", "Pending"), ("True", "TargetResolved"), ("Unknown", "Pending"), ("Unknown", "Pending")),
        Row("Build_PrometheusDownWithLastGood_HistoryFalseRecommendationKept", Input() with { History = HistoryState.Unreachable, HistoryMessage = "Prometheus could not be reached" },
            ("True", "RecommendationsComputed"), ("True", "TargetResolved"), ("False", "PrometheusUnavailable"), ("True", "RecommendationsComputed")),
        Row("Build_OneContainerThin_InsufficientHistory", Input() with { Recommendations = [App, Thin] },
            ("False", "InsufficientHistory"), ("True", "TargetResolved"), ("False", "InsufficientHistory"), ("False", "InsufficientHistory")),
        Row("Build_ThinContainerOff_Ready", Input() with { Recommendations = [App, Thin], OffContainers = new HashSet<string> { "sidecar" } },
            ("True", "RecommendationsComputed"), ("True", "TargetResolved"), ("True", "HistoryFound"), ("True", "RecommendationsComputed")),
        Row("Build_ReplacementWouldNotFit_NotReady", Input() with { UpdateBlocked = (ConditionReasons.ReplacementWouldNotFit, "ResourceQuota mem: limits.memory would reach 3Gi of 2Gi") },
            ("False", "ReplacementWouldNotFit"), ("True", "TargetResolved"), ("True", "HistoryFound"), ("True", "RecommendationsComputed")),
    ];

    [TestCaseSource(nameof(Rows))]
    public void Build_Situation_Conditions(StatusInput input, (string, string) ready, (string, string) target, (string, string) history, (string, string) recommendation)
    {
        var status = StatusBuilder.Build(input, null);

        Assert.That(Conditions(status), Is.EqualTo(new[] { ready, target, history, recommendation }));
        Assert.That(status.Conditions!.Select(c => c.ObservedGeneration), Has.All.EqualTo(3L));
        Assert.That(status.ObservedGeneration, Is.EqualTo(3));
    }

    [Test]
    public void Build_AllGood_RecommendationsInStatus()
    {
        var status = StatusBuilder.Build(Input(), null);

        var app = status.Recommendations!.Single();
        Assert.Multiple(() =>
        {
            Assert.That((app.ContainerName, app.Request, app.Limit, app.QosClass), Is.EqualTo(("app", "512Mi", "1Gi", (QosClass?)QosClass.Burstable)));
            Assert.That(app.Confidence, Is.EqualTo(0.87).Within(1e-9), "rounded to two places so noise does not rewrite status");
            Assert.That(status.TargetPods, Is.EqualTo(3));
            Assert.That(status.LastRecommendationTime, Is.EqualTo(ScanTime.UtcDateTime));
        });
    }

    [Test]
    public void Build_ThinContainer_ReasonCodeBesideText()
    {
        var status = StatusBuilder.Build(Input() with { Recommendations = [Thin] }, null);

        var sidecar = status.Recommendations!.Single();
        Assert.That(sidecar.ReasonCodes, Is.EqualTo(new[] { ReasonCode.InsufficientHistory }));
        Assert.That(sidecar.Reasons, Is.EqualTo(new[] { "insufficient history: 12 samples < minSamples 288" }));
    }

    [Test]
    public void Build_TargetGone_KeepsLastRecommendations()
    {
        var before = StatusBuilder.Build(Input(), null);

        var after = StatusBuilder.Build(Input() with { TargetFound = false, TargetMessage = "gone", Recommendations = null, TargetPods = 0 }, before);

        Assert.That(after.Recommendations!.Single().Request, Is.EqualTo("512Mi"));
        Assert.That(after.LastRecommendationTime, Is.EqualTo(before.LastRecommendationTime));
    }

    [Test]
    public void Build_SameInputLater_IdenticalSoNothingIsWritten()
    {
        var first = StatusBuilder.Build(Input(), null);

        var second = StatusBuilder.Build(Input() with { Now = Now + TimeSpan.FromMinutes(3) }, first);

        Assert.That(StatusWriter.Same(first, second), Is.True, "transition times are kept while statuses stay");
    }

    [Test]
    public void Build_ConditionFlips_TransitionTimeMoves()
    {
        var first = StatusBuilder.Build(Input(), null);
        var later = Now + TimeSpan.FromMinutes(3);

        var second = StatusBuilder.Build(Input() with { History = HistoryState.Unreachable, HistoryMessage = "down", Now = later }, first);

        var history = second.Conditions!.Single(c => c.Type == ConditionTypes.HistoryAvailable);
        var ready = second.Conditions!.Single(c => c.Type == ConditionTypes.Ready);
        Assert.That(history.LastTransitionTime, Is.EqualTo(later.UtcDateTime));
        Assert.That(ready.LastTransitionTime, Is.EqualTo(Now.UtcDateTime));
    }

    private static StatusInput Input() =>
        new(3, true, "Deployment web: 3 pods", 3, HistoryState.Available, null, [App], ScanTime, Now);

    private static IEnumerable<(string, string)> Conditions(V1alpha1MemoryPolicyStatus status) =>
        new[] { ConditionTypes.Ready, ConditionTypes.TargetFound, ConditionTypes.HistoryAvailable, ConditionTypes.RecommendationReady }
            .Select(type => status.Conditions!.Single(c => c.Type == type))
            .Select(c => (c.Status.ToString()!, c.Reason!));

    private static TestCaseData Row(string name, StatusInput input, (string, string) ready, (string, string) target, (string, string) history, (string, string) recommendation) =>
        new TestCaseData(input, ready, target, history, recommendation).SetName(name);
}
