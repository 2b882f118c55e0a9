using RightSizer.Api.V1alpha1;
using RightSizer.Recommender.Engine;
using RightSizer.Recommender.Model;
using RightSizer.Api.Units;

namespace RightSizer.Recommender.Tests.Engine;

public sealed class RecommendationEngineTests
{
    private static readonly RecommendationEngine Engine = new();

    private static readonly TestCaseData[] Shapes =
    [
        // Constant 500 Mi: request 500 + 2√500 = 544.7 → 545 Mi; limit 500 × 1.2 + 10√500 = 823.6 → 824 Mi.
        new TestCaseData(Traces.Constant(500), 545.0, 824.0, 1.0).SetName("Recommend_Constant_PercentileAndPeakWithHeadroom"),
        // Daily cycle 500 ± 200 Mi: the request sits near the top of the cycle, the limit above its peak.
        new TestCaseData(Traces.DailyCycle(500, 200), 700.0, 1120.0, 40.0).SetName("Recommend_DailyCycle_RequestNearTopLimitAbovePeak"),
        // A 4 Gi spike once in a flat 500 Mi: the request ignores it, the limit covers it.
        new TestCaseData(Traces.WithSpike(Traces.Constant(500), 7, 4096), 545.0, 5555.0, 1.0).SetName("Recommend_OneSpike_RequestIgnoresLimitCovers"),
        // Step from 200 to 800 Mi two days ago: the request follows the new level.
        new TestCaseData(Traces.Step(200, 800, 12), 857.0, 1244.0, 1.0).SetName("Recommend_StepUp_RequestFollowsNewLevel"),
        // Replicas at 500, 550 and 600 Mi: sized for the largest, 600 + 2√600 and 600 × 1.2 + 10√600.
        new TestCaseData(Traces.Replicas(Traces.Constant(500), 3), 649.0, 965.0, 1.0).SetName("Recommend_ThreeReplicas_SizedForTheLargest"),
    ];

    [TestCaseSource(nameof(Shapes))]
    public void Recommend_Shapes(Sample[] samples, double requestMib, double limitMib, double toleranceMib)
    {
        var recommendation = Engine.Recommend(Traces.History(samples), RecommendationSettings.Default, Traces.AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.Request!.Value.Bytes / Traces.MiB, Is.EqualTo(requestMib).Within(toleranceMib));
            Assert.That(recommendation.Limit!.Value.Bytes / Traces.MiB, Is.EqualTo(limitMib).Within(toleranceMib));
            Assert.That(recommendation.QosClass, Is.EqualTo(QosClass.Burstable));
        });
    }

    [Test]
    public void Recommend_SlowLeak_SignificantTrendAndLimitCoversProjection()
    {
        var recommendation = Engine.Recommend(Traces.History(Traces.Noisy(Traces.Leak(300, 40))), RecommendationSettings.Default, Traces.AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.Trend!.Significant, Is.True);
            Assert.That(recommendation.Trend.SlopeBytesPerDay / Traces.MiB, Is.EqualTo(40).Within(2));
            Assert.That(recommendation.Limit, Is.GreaterThanOrEqualTo(recommendation.Trend.ProjectedPeak));
        });
    }

    [Test]
    public void Recommend_Gaps_LowerConfidenceThanFullCoverage()
    {
        var full = Engine.Recommend(Traces.History(Traces.Constant(500)), RecommendationSettings.Default, Traces.AsOf);
        var gappy = Engine.Recommend(Traces.History(Traces.WithGaps(Traces.Constant(500))), RecommendationSettings.Default, Traces.AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(full.Confidence, Is.EqualTo(1).Within(0.01));
            Assert.That(gappy.Confidence, Is.EqualTo(0.5).Within(0.02));
            Assert.That(gappy.HasValue, Is.True);
        });
    }

    [Test]
    public void Recommend_SingleSample_NoValueWithReason()
    {
        var recommendation = Engine.Recommend(Traces.History([new Sample(Traces.End - 60, 1e8)]), RecommendationSettings.Default, Traces.AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.HasValue, Is.False);
            Assert.That(recommendation.Limit, Is.Null);
            Assert.That(recommendation.Reasons, Is.EqualTo(new[] { new Reason(ReasonCode.InsufficientHistory, "insufficient history: 1 samples < minSamples 288") }));
        });
    }

    [Test]
    public void Recommend_SamplesAfterAsOf_Ignored()
    {
        var past = Traces.Constant(500);
        var future = past.Select(s => s with { Timestamp = s.Timestamp + (14 * Traces.Day), Value = 50 * s.Value }).ToArray();

        var recommendation = Engine.Recommend(Traces.History([.. past, .. future]), RecommendationSettings.Default, Traces.AsOf);

        Assert.That(recommendation.Request!.Value.Bytes / Traces.MiB, Is.EqualTo(545));
    }

    [Test]
    public void Recommend_SamplesBeforeWindow_Ignored()
    {
        var settings = new RecommendationSettings { HistoryWindow = TimeSpan.FromDays(7), MinSamples = 1 };

        var recommendation = Engine.Recommend(Traces.History(Traces.Step(5000, 500, 7)), settings, Traces.AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.Request!.Value.Bytes / Traces.MiB, Is.EqualTo(545));
            Assert.That(recommendation.WindowCovered, Is.EqualTo(TimeSpan.FromDays(7)));
        });
    }

    [Test]
    public void Recommend_ContainerModeOff_NoValue()
    {
        var recommendation = Engine.Recommend(Traces.History(Traces.Constant(500)), new RecommendationSettings { Mode = ContainerMode.Off }, Traces.AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.HasValue, Is.False);
            Assert.That(recommendation.Reasons, Is.EqualTo(new[] { new Reason(ReasonCode.ContainerModeOff, "container mode Off: not sized") }));
        });
    }

    [Test]
    public void Recommend_JvmImage_HeapFitsInsideLimit()
    {
        var history = Traces.History(Traces.Constant(500)) with
        {
            Runtime = new ContainerRuntimeHints("eclipse-temurin:21-jre", [], [], new Dictionary<string, string>()),
        };

        var recommendation = Engine.Recommend(history, RecommendationSettings.Default, Traces.AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.Heap!.Runtime, Is.EqualTo(RuntimeKind.JVM));
            Assert.That(recommendation.Heap.Env["JAVA_TOOL_OPTIONS"], Is.EqualTo("-XX:MaxRAMPercentage=75.0"));
            Assert.That(recommendation.Heap.MaxHeap, Is.LessThan(recommendation.Limit!.Value));
        });
    }

    [Test]
    public void Recommend_OomKillsInWindow_Counted()
    {
        var history = Traces.History(Traces.Constant(500)) with
        {
            OomKills = [new OomKill(Traces.End - Traces.Day, null), new OomKill(Traces.End - (30 * Traces.Day), null)],
        };

        var recommendation = Engine.Recommend(history, RecommendationSettings.Default, Traces.AsOf);

        Assert.That(recommendation.OomKills, Is.EqualTo(1), "the kill 30 days ago is outside the 14-day window");
    }

    [Test]
    public void Recommend_MaxAllowedWithJvmHeapSeries_HeapFitDoesNotExceedMaxAllowed()
    {
        // The defect: usage 500 Mi with a measured heap of 450 Mi needs 450 × 1.1 + 50 = 545 Mi, and fitting the heap
        // after the bounds raised request and limit to 545 Mi past maxAllowed 520 Mi.
        var history = Traces.History(Traces.Constant(500)) with
        {
            Runtime = new ContainerRuntimeHints("eclipse-temurin:21-jre", [], [], new Dictionary<string, string>()),
            HeapUsage = Traces.Constant(450),
        };
        var settings = RecommendationSettings.Default with { MaxAllowed = Memory.FromMiB(520) };

        var recommendation = Engine.Recommend(history, settings, Traces.AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.Request!.Value.Bytes / Traces.MiB, Is.EqualTo(520));
            Assert.That(recommendation.Limit!.Value.Bytes / Traces.MiB, Is.EqualTo(520));
            Assert.That(recommendation.Heap!.MaxHeap, Is.LessThan(recommendation.Limit.Value));
            Assert.That(recommendation.Heap.Notes, Has.Some.Contains("below the 545Mi the measured peaks need"));
        });
    }

    [Test]
    public void Recommend_AllZeroHistory_FloorNotZeroAndBurstableAsAsked()
    {
        // The defect: a history of zeros gave request = limit = 0B, which the report called Guaranteed.
        var recommendation = Engine.Recommend(Traces.History(Traces.Constant(0)), RecommendationSettings.Default, Traces.AsOf);

        Assert.Multiple(() =>
        {
            // The 16 Mi floor with its headroom: 16 + 2√16 = 24 Mi; 16 × 1.2 + 10√16 = 59.2 → 60 Mi.
            Assert.That(recommendation.Request!.Value.Bytes / Traces.MiB, Is.EqualTo(24));
            Assert.That(recommendation.Limit!.Value.Bytes / Traces.MiB, Is.EqualTo(60));
            Assert.That(recommendation.QosClass, Is.EqualTo(QosClass.Burstable));
            Assert.That(recommendation.Reasons.Select(r => r.Code), Has.Some.EqualTo(ReasonCode.MemoryFloor));
        });
    }
}
